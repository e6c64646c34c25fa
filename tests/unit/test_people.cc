#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "extract.h"
#include "people.h"

using namespace newsfacet;

namespace {

std::set<std::string> names_of(const std::vector<PersonMention>& people) {
    std::set<std::string> s;
    for (const auto& p : people)
        s.insert(p.name);
    return s;
}

std::string read_seed(const char* name) {
    std::ifstream f(std::string(NEWSFACET_TEST_DATA) + "/../../seeds/" + name);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("find_people finds people from cues and leaves organisations and places alone") {
    struct Row {
        const char* text;
        std::set<std::string> expected;  // canonical names, exactly
    };
    const Row rows[] = {
        {"Defence Secretary John Healey visited troops. Mr Healey said it was vital.", {"John Healey"}},
        {"Mr Smith arrived late.", {"Smith"}},
        // An inverted frame's "Said" is not a first name.
        {"James Colby runs the agency. Said Colby, \"The error is painful.\"", {"James Colby"}},
        {"The talks were led by foreign secretary David Lammy.", {"David Lammy"}},
        {"He met his Israeli counterpart, Yoav Gallant, in Tel Aviv.", {"Yoav Gallant"}},
        {"Prime Minister Theresa May spoke. May later left.", {"Theresa May"}},
        {"Jeremy Corbyn led the party until 2020.", {"Jeremy Corbyn"}},
        {"Starmer, who leads the party, spoke. Keir Starmer then left.", {"Keir Starmer"}},
        {"Imran Hussain, MP for Bradford, resigned.", {"Imran Hussain"}},
        {"\"We will win,\" Okonkwo said.", {"Okonkwo"}},
        {"British Foreign Secretary James Cleverley spoke. Cleverly told reporters more.", {"James Cleverley"}},
        {"Dr. Ben Carson and Sen. Ted Cruz debated.", {"Ben Carson", "Ted Cruz"}},
        {"Republican Donald Trump attacked Hillary Clinton. Trump said Clinton lied.",
         {"Donald Trump", "Hillary Clinton"}},
        // Not people: organisations, sources, places, pronouns.
        {"The Gaza Ministry of Health said 40 people died.", {}},
        {"Israeli officials said the talks went well. A Labour source said so too.", {}},
        {"The Labour Party said it would vote. Downing Street said nothing.", {}},
        {"I've said it before.", {}},
        {"General Motors said profits rose.", {}},
        // Clubs, films, awards, bands and firms shaped like names, told by their use
        // (invented names).
        {"Peter Hallworth scored twice. Rosalind are top after the Rosalind defender was sent off. Rosalind beat "
         "them.",
         {"Peter Hallworth"}},
        {"The abortion drama Vera Malkin won. Vera Malkin star Ada Brune was there; Ada Brune said so.", {"Ada Brune"}},
        {"She won an Oscar for the role. The Oscar ceremony is in March.", {}},
        {"The deal was led by Morgan Hatchley and Co Inc. Morgan Hatchley said prices rose.", {}},
        {"Profits were 40 mln U. S. Dlrs, the company said.", {}},
        {"Chancellor of the Exchequer Nigel Pembury said rates would fall.", {"Nigel Pembury"}},
        // A politician lending a name to a foundation or a campaign stays a person.
        {"Hillary Clinton spoke. The Clinton Foundation and the Clinton campaign said Clinton would win.",
         {"Hillary Clinton"}},
        {"", {}},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        const auto got = names_of(find_people(text, {}));
        std::string joined;
        for (const auto& n : got)
            joined += n + "; ";
        CAPTURE(joined);
        CHECK(got == r.expected);
    }
}

TEST_CASE("every mention of one person carries the same canonical name and a provenance rule") {
    const std::string text =
        "Labour Defence Secretary John Healey flew in. Healey met troops. Mr Healey's visit ended.";
    const auto people = find_people(text, {});
    REQUIRE(people.size() == 3);
    for (const auto& p : people) {
        CHECK(p.name == "John Healey");
        CHECK(text.substr(p.span.begin, p.span.end - p.span.begin) == p.surface);
    }
    CHECK(people[0].rule == "title+name");
    CHECK(people[1].rule == "merged:surname");
    CHECK(people[2].rule == "honorific");
    CHECK(people[2].surface == "Mr Healey");
}

TEST_CASE("a place is not a person") {
    const std::string text = "Jordan said it would reopen the border.";
    std::vector<PlaceMention> places(1);
    places[0].span = {0, 6};
    places[0].name = "Jordan";
    CHECK(find_people(text, places).empty());
}

TEST_CASE("person_name_keys gives the full name, the surname and variant spellings") {
    struct Row {
        const char* name;
        std::vector<std::string> surfaces;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"James Cleverley", {"James Cleverley", "Cleverly"}, {"james cleverley", "cleverley", "cleverly"}},
        {"John Healey", {"Mr Healey", "Healey"}, {"john healey", "healey"}},
        {"Okonkwo", {"Okonkwo"}, {"okonkwo"}},
    };
    for (const Row& r : rows) {
        const std::string name = r.name;
        CAPTURE(name);
        CHECK(person_name_keys(r.name, r.surfaces) == r.expected);
    }
}

TEST_CASE("seed articles: the people named") {
    struct Row {
        const char* file;
        std::vector<std::string> present;
        std::vector<std::string> absent;
    };
    const Row rows[] = {
        {"000_9a5ad2e1a0c9bfef.txt", {"John Healey", "David Lammy", "Yoav Gallant"}, {"Gaza", "Hamas", "Holocaust"}},
        {"001_9b59a9d14afede96.txt", {"John Healey", "Yoav Gallant", "David Lammy"}, {"Israeli", "Labour", "Lammy"}},
        {"002_4a88d1566f9dd8da.txt",
         {"James Cleverley", "Imran Hussain", "Keir Starmer", "Jeremy Corbyn"},
         {"Cleverly", "Starmer", "Labor Party"}},
    };
    for (const Row& r : rows) {
        const std::string file = r.file;
        CAPTURE(file);
        const std::string text = read_seed(r.file);
        REQUIRE(!text.empty());
        const auto names = names_of(find_people(text, find_places(text)));
        for (const auto& n : r.present)
            CHECK_MESSAGE(names.count(n), n);
        for (const auto& n : r.absent)
            CHECK_MESSAGE(!names.count(n), n);
    }
}

TEST_CASE("the tokenizer survives odd input") {
    const std::string odd[] = {"",
                               "\xEF\xBF\xBD\xEF\xBF\xBD",
                               "\"",
                               "\xE2\x80\x9C",
                               "'s",
                               "Mr.",
                               "\xFF\xFE\x80",
                               std::string(100000, 'A'),
                               "\n\n\n",
                               "a\"b\"c",
                               "\xE2\x80\x9C\n\xE2\x80\x9C\n"};
    for (const std::string& s : odd) {
        auto people = find_people(s, {});
        auto quotes = find_quotes(s, people);
        CHECK(quotes.size() <= s.size());
    }
    CHECK(detail::edit_distance("Cleverly", "Cleverley", 2) == 1);
    CHECK(detail::edit_distance("Healey", "Lammy", 1) == 2);
}

TEST_CASE("a lone name before an office or a role is a party's, a club's or a firm's, not a person") {
    // The tagger's person spans are given (every occurrence of the words listed);
    // invented names.
    struct Row {
        const char* text;
        std::vector<std::string> tagged;  // words the tagger calls people
        std::set<std::string> expected;
    };
    const Row rows[] = {
        {"Whig leader Alan Brask spoke. Whig MPs left the chamber.", {"Whig", "Alan Brask"}, {"Alan Brask"}},
        {"The Ostrava boss said so. Ostrava chairman Ed Lune agreed.", {"Ostrava", "Ed Lune"}, {"Ed Lune"}},
        // A name given in full keeps its mentions before a title.
        {"Making Alan Brask leader was a gamble. Brask said so.", {"Alan Brask", "Brask"}, {"Alan Brask"}},
        {"Alan Brask spoke. A key Brask aide left. Brask said so.", {"Alan Brask", "Brask"}, {"Alan Brask"}},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        std::vector<TaggedEntity> tagged;
        for (const std::string& w : r.tagged)
            for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + w.size()))
                tagged.push_back({Span{at, at + w.size()}, EntityKind::person});
        std::sort(tagged.begin(), tagged.end(),
                  [](const TaggedEntity& a, const TaggedEntity& b) { return a.span.begin < b.span.begin; });
        // Overlapping finds ("Brask" inside "Alan Brask") are the same name: keep the longer.
        std::vector<TaggedEntity> spans;
        for (const TaggedEntity& t : tagged)
            if (spans.empty() || t.span.begin >= spans.back().span.end) spans.push_back(t);
        CHECK(names_of(find_people(text, {}, spans)) == r.expected);
    }
}

TEST_CASE("what the tagger calls a person but the article uses as a thing goes") {
    // The tagger's spans are given (every occurrence of the words listed); invented names.
    struct Row {
        const char* text;
        std::vector<std::string> people;  // words the tagger calls people
        std::vector<std::string> orgs;    // words the tagger calls organisations; "w@N": its Nth occurrence only
        std::set<std::string> expected;
    };
    const Row rows[] = {
        // Opened by an article: a film, a band, a ship.
        {"The Velvet Loom won best film. The Velvet Loom opens today.", {"The Velvet Loom"}, {}, {}},
        // A number word: a results table.
        {"Shr 32 cts vs 22 cts\nNine mths\nShr 64 cts vs 38 cts", {"Nine"}, {}, {}},
        // An abbreviation without a vowel after it, then a figure or a lower-case word.
        {"Grell shr loss 22 cts vs profit 10 cts\nGrell net loss 1,626,000", {"Grell"}, {}, {}},
        // ... but not a cricket score's "lbw b".
        {"Ed Brask lbw b Tellis 12\nTellis c Brask b Orme 4", {"Ed Brask", "Tellis", "Orme"}, {}, {"Ed Brask", "Tellis", "Orme"}},
        // "which", "its", "itself".
        {"Kambor, which makes radios, said profits rose. Kambor shares fell.", {"Kambor"}, {}, {}},
        {"Kambor may have to declare itself bankrupt.", {"Kambor"}, {}, {}},
        // A fixture; a plural verb.
        {"Dalvik v Orsund\nDalvik won 2-0 at home.", {"Dalvik", "Orsund"}, {}, {}},
        {"Orsund have sacked their manager.", {"Orsund"}, {}, {}},
        // "a X inquiry"; a line of its own; a word known only from a headline in capitals.
        {"He told a Kambor inquiry the plan was sound.", {"Kambor"}, {}, {}},
        {"The results were released on Friday.\nKambor\n", {"Kambor"}, {}, {}},
        {"KAMBOR UNIT SELLS PLANT\n\nThe sale closed on Friday.", {"KAMBOR"}, {}, {}},
        // ... also when the story's own uses of the word go for other reasons.
        {"GRELL CORP GRELL SHR\n\nGrell shr loss 22 cts vs profit 10 cts", {"GRELL", "Grell"}, {}, {}},
        // ... but not a headline's name the story gives in full.
        {"BRASK NAMED CAPTAIN\n\nAlan Brask was named captain on Friday.", {"BRASK", "Alan Brask"}, {}, {"BRASK", "Alan Brask"}},
        // An agency's credit in a dateline; a sign-off.
        {"LUND, March 3, Kambor - Prices rose on Friday, officials said.", {"Kambor"}, {}, {}},
        {"Prices rose on Friday, officials said.\n Kambor", {"Kambor"}, {}, {}},
        // The tagger calls the word an organisation elsewhere in the article.
        {"Kambor said profits rose. Kambor expects more. Kambor is based in Lund.", {"Kambor"}, {"Kambor@2"}, {}},
        {"Kambor said profits rose. Kambor expects more. Kambor is based in Lund.", {"Kambor"}, {}, {"Kambor"}},
        // A span run on into a headline's verb, a day, an organisation's head word.
        {"BRASK SAYS TALKS WILL GO ON\n\nAlan Brask said talks would go on.", {"BRASK SAYS", "Alan Brask"}, {}, {"BRASK", "Alan Brask"}},
        {"The plan was announced by Alan Brask Friday.", {"Alan Brask Friday"}, {}, {"Alan Brask"}},
        {"The Brask Administration said it would act.", {"Brask Administration"}, {}, {}},
        {"Two Brask Administrations differed.", {"Brask Administrations"}, {}, {}},
        // A person's firm; what a band has; a firm's employee.
        {"Ed Lune of Kambor Tellis said prices rose.", {"Ed Lune", "Kambor Tellis"}, {}, {"Ed Lune"}},
        {"Velvet Orme's album sold well.", {"Velvet Orme"}, {}, {}},
        {"Kambor Tellis's Lune was cautious.", {"Kambor Tellis", "Lune"}, {}, {"Lune"}},
        // A firm's head listed with its partners before "and Co"; an employer before a role
        // and the person it employs.
        {"The issue was led by Kambor Tellis, Harris Orme and Co Inc.", {"Kambor Tellis"}, {}, {}},
        {"Bonds rose, said Kambor Tellis bond analyst Ed Lune.", {"Kambor Tellis", "Ed Lune"}, {}, {"Ed Lune"}},
        // ... but a person and a partner named in a list stay ("Alan Brask, Ed Lune and others").
        {"Alan Brask, Ed Lune and others agreed.", {"Alan Brask", "Ed Lune"}, {}, {"Alan Brask", "Ed Lune"}},
        // People stay: a title, an honorific, a full name, "and ... have".
        {"President Kambor, which is his family name, spoke.", {"Kambor"}, {}, {"Kambor"}},
        {"Mr Kambor said its plan was sound.", {"Kambor"}, {}, {"Kambor"}},
        {"Alan Brask and Ed Lune have agreed. Alan Brask said its future was bright.",
         {"Alan Brask", "Ed Lune"},
         {},
         {"Alan Brask", "Ed Lune"}},
        {"Alan Brask said the plan was sound.\nAlan Brask\n", {"Alan Brask"}, {}, {"Alan Brask"}},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        std::vector<TaggedEntity> tagged;
        auto add = [&](const std::vector<std::string>& words, EntityKind kind) {
            for (std::string w : words) {
                int only = -1, nth = 0;
                if (const auto at = w.find('@'); at != std::string::npos) {
                    only = std::stoi(w.substr(at + 1));
                    w.resize(at);
                }
                for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + w.size()), ++nth)
                    if (only < 0 || nth == only) tagged.push_back({Span{at, at + w.size()}, kind});
            }
        };
        add(r.orgs, EntityKind::organisation);
        add(r.people, EntityKind::person);
        // Stable: on the same span the organisation, added first, stays.
        std::stable_sort(tagged.begin(), tagged.end(), [](const TaggedEntity& a, const TaggedEntity& b) {
            return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
        });
        // Overlapping finds ("Brask" inside "Ed Brask"): keep the first, longer.
        std::vector<TaggedEntity> spans;
        for (const TaggedEntity& t : tagged)
            if (spans.empty() || t.span.begin >= spans.back().span.end) spans.push_back(t);
        const std::set<std::string> found = names_of(find_people(text, {}, spans));
        std::string found_names;
        for (const std::string& n : found)
            found_names += "[" + n + "]";
        CAPTURE(found_names);
        CHECK(found == r.expected);
    }
}

TEST_CASE("detail::tokenize: words with inner apostrophes and hyphens, 's split off, sentences") {
    struct Row {
        const char* text;
        const char* expected;  // each token as [text], '|' before a sentence start, N for a line break
    };
    const Row rows[] = {
        {"Smith's O'Neill it's", "|[Smith]['][s][O'Neill][it]['][s]"},  // 's at a word's end is split off
        {"Smith\xE2\x80\x99s well-known", "|[Smith][\xE2\x80\x99][s][well-known]"},
        {"Mr. Smith said. He left", "|[Mr][.][Smith][said][.]|[He][left]"},
        {"a\n\n \nb", "|[a]N|[b]"},
        {"x\ty\xC2\xA0z\fw", "|[x][y][z][\f][w]"},
        {"\"Yes.\" She", "[\"]|[Yes][.][\"]|[She]"},
        {"-x- 'y'", "[-]|[x][-]['][y][']"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        const std::string_view text = r.text;
        std::string got;
        for (const detail::Token& t : detail::tokenize(text)) {
            if (t.kind == detail::TokKind::newline) {
                got += 'N';
                continue;
            }
            if (t.sent_start) got += '|';
            got += "[" + std::string(text.substr(t.begin, t.end - t.begin)) + "]";
        }
        CHECK(got == r.expected);
    }
}

TEST_CASE("a later mention the tagger calls an organisation is still the person's when an honorific opens it") {
    struct Row {
        const char* text;
        const char* person;  // the tagger's person span (every occurrence)
        const char* org;     // the tagger's organisation span (every occurrence)
        std::size_t mentions;  // mentions found of the person
    };
    const Row rows[] = {
        {"Alan D. Brask spoke first. Later Mr. Brask said more.", "Alan D. Brask", "Mr. Brask", 2},
        {"Alan D. Brask spoke first. Later Sen. Brask said more.", "Alan D. Brask", "Sen. Brask", 2},
        // Without an honorific the organisation's words stay its own ("Brask Holdings").
        {"Alan D. Brask spoke first. Later Brask Holdings said more.", "Alan D. Brask", "Brask Holdings", 1},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        std::vector<TaggedEntity> tagged;
        for (const auto& [w, kind] : {std::pair{std::string(r.person), EntityKind::person},
                                      std::pair{std::string(r.org), EntityKind::organisation}})
            for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + w.size()))
                tagged.push_back({Span{at, at + w.size()}, kind});
        std::sort(tagged.begin(), tagged.end(),
                  [](const TaggedEntity& a, const TaggedEntity& b) { return a.span.begin < b.span.begin; });
        const auto people = find_people(text, {}, tagged);
        CHECK(people.size() == r.mentions);
    }
}
