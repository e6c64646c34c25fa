// Reading Reuters-21578 SGML (reut2-NNN.sgm): the import route of newsfacet-index for
// that corpus (docs/input.md), shared with newsfacet-eval (which scores extraction
// against the stories' PLACES and PEOPLE codes) and newsfacet-bench, so that all three
// see the same text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"

namespace newsfacet {

/// One <REUTERS> story.
struct ReutersStory {
    std::string newid;                        ///< NEWID attribute
    std::optional<Ymd> date;                  ///< <DATE>, when it parses
    std::vector<std::string> places, people;  ///< <PLACES>/<PEOPLE> codes ("usa", "james-baker")
    std::string title;                        ///< <TITLE>, unescaped
    std::string dateline;                     ///< <DATELINE> ("SAN SALVADOR, Feb 26 -"), unescaped
    std::string body;                         ///< <BODY> (or the text of an UNPROC/BRIEF story), unwrapped
    bool has_body = false;                    ///< the story had a <BODY> element
    /// The article text: the title on its own line, then the dateline and the body as
    /// one paragraph run ("TITLE\nCITY, Feb 26 - First sentence...").
    std::string text() const;
};

/// Latin-1 bytes to UTF-8 (every byte is the code point of the same number).
std::string latin1_to_utf8(std::string_view latin1);

/// The SGML entities Reuters uses (&lt; &gt; &amp; &quot; &#N;); control characters
/// such as the &#3; end-of-text marker are dropped.
std::string unescape_sgml(std::string_view s);

/// "26-FEB-1987 15:01:01.79" -> 1987-02-26; nullopt when it is not such a date.
std::optional<Ymd> parse_reuters_date(std::string_view s);

/// The stories of one .sgm file, already UTF-8 (see latin1_to_utf8). The corpus's
/// 70-column wrapping is undone (a line break followed by text continues the
/// paragraph; an indented line starts a new one) and the "Reuter" sign-off dropped.
std::vector<ReutersStory> parse_reuters_sgml(std::string_view sgml);

}  // namespace newsfacet
