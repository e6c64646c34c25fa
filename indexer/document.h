// Turning an analysed article into Xapian documents: the article and its quotes.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "article.h"
#include "extraction.h"

namespace newsfacet {

/// The documents for one article, ready to write.
struct ArticleDocuments {
    std::string id;           ///< the article id
    std::string unique_term;  ///< Q<id> (shortened with a hash when very long)
    Xapian::Document article;
    std::vector<std::pair<std::string, Xapian::Document>> quotes;  ///< unique term, document
};

/// Adds the words of `text` as terms (with positions from `pos`) and stems, the way
/// Xapian's TermGenerator with STEM_SOME would, but through newsfacet's ICU analysis.
/// Returns the next free position.
Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos pos);

/// Look-up keys for a person: folded full name, surname, and the surnames of the
/// other spellings seen in the article ("smyth" beside "john smythe").
std::vector<std::string> person_keys(const std::string& canonical, const std::vector<std::string>& surfaces);

/// Builds the article document and one document per quote with a speaker.
ArticleDocuments build_documents(const Article& article, const Extraction& x);

/// Spelling data ("did you mean", Database::get_spelling_suggestion): the article's
/// distinct words of kMinSpellingBytes to kMaxSpellingBytes bytes, without digits
/// (numbers and the hashes of long terms are left out), each
/// counted once per article.
inline constexpr std::size_t kMinSpellingBytes = 3;
inline constexpr std::size_t kMaxSpellingBytes = 40;
bool is_spelling_word(std::string_view term);

/// The spelling words of the articles written since the last commit, counted, so that
/// Xapian's spelling table gets one add_spelling (or remove_spelling) per word and
/// batch instead of one per word and article. flush() before every commit.
class SpellingBatch {
  public:
    /// Counts the spelling words of an article document: +1 each, or -1 (`add` false).
    void count(const Xapian::Document& doc, bool add);
    /// Writes the counts to `db` (within its open transaction) and forgets them; a
    /// backend without spelling data (in-memory) is written without them.
    void flush(Xapian::WritableDatabase& db);

  private:
    std::unordered_map<std::string, long> delta_;
};

/// Deletes an article and its quotes by id; returns false when it was not there. Its
/// words leave the spelling data (through `spelling` when given, else at once).
bool delete_article(Xapian::WritableDatabase& db, const std::string& id, SpellingBatch* spelling = nullptr);

/// Writes (replacing) an article and its quotes, and its words' spelling data
/// (through `spelling` when given, else at once). Returns true when it replaced one.
bool write_article(Xapian::WritableDatabase& db, const ArticleDocuments& docs, SpellingBatch* spelling = nullptr);

}  // namespace newsfacet
