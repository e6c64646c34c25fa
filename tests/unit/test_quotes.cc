#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "extract.h"

using namespace newsfacet;

namespace {

struct Expect {
    std::string text_prefix;  // the quote's text starts with this
    std::string speaker;      // "" when no speaker
    bool person;
};

std::vector<Quote> direct_quotes(const std::string& text) {
    auto people = find_people(text, find_places(text));
    auto quotes = find_quotes(text, people);
    std::erase_if(quotes, [](const Quote& q) { return q.indirect; });
    return quotes;
}

std::string read_seed(const char* name) {
    std::ifstream f(std::string(NEWSFACET_TEST_DATA) + "/../../seeds/" + name);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void check_quotes(const std::string& text, const std::vector<Expect>& expected) {
    const auto got = direct_quotes(text);
    std::string listing;
    for (const auto& q : got)
        listing += "{" + q.text.substr(0, 40) + "} -> " + q.speaker + " (" + q.speaker_rule + ")\n";
    CAPTURE(listing);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].text.rfind(expected[i].text_prefix, 0) == 0);
        CHECK(got[i].speaker == expected[i].speaker);
        if (!expected[i].speaker.empty()) CHECK(got[i].speaker_is_person == expected[i].person);
        // The span is the content, without the marks.
        CHECK(got[i].span.end <= text.size());
    }
}

}  // namespace

TEST_CASE("find_quotes: quote marks, frames and speakers") {
    struct Row {
        const char* text;
        std::vector<Expect> expected;
    };
    const Row rows[] = {
        {"\"We will win,\" Mr Smith said.", {{"We will win,", "Smith", true}}},
        {"\"We will win,\" said Defence Secretary John Healey.", {{"We will win,", "John Healey", true}}},
        {"Defence Secretary John Healey said: \xE2\x80\x9CWe will win.\xE2\x80\x9D",
         {{"We will win.", "John Healey", true}}},
        // Closing glyph used as an opener after a colon.
        {"Mayor Jane Okafor later said:\xE2\x80\x9DThe roads are open.\xE2\x80\x9D",
         {{"The roads are open.", "Jane Okafor", true}}},
        // A partial quote inside a sentence is part of reported speech (see "partial quotes" below).
        {"Mr Healey said Britain was determined to \"lead a push for a better peace\" as it appealed.", {}},
        // Scare quotes are not quotes.
        {"Starmer calls for humanitarian \xE2\x80\x9Cpauses\xE2\x80\x9D rather than a ceasefire.", {}},
        {"He was given a role in the \xE2\x80\x98shadow cabinet\xE2\x80\x99 last year.", {}},
        // Pronouns go to the most recent person.
        {"Senator Maria Lopez spoke first. \"It is time,\" she said.", {{"It is time,", "Maria Lopez", true}}},
        {"Mr Healey spoke. He said: \"We will keep going.\"", {{"We will keep going.", "Healey", true}}},
        // Organisations and documents are sources, not people.
        {"\"The strikes were targeted,\" an Israeli statement said.",
         {{"The strikes were targeted,", "an Israeli statement", false}}},
        {"\"This is a betrayal,\" a Labour source said.", {{"This is a betrayal,", "a Labour source", false}}},
        {"According to a statement, the pair \"discussed the important defence ties\".", {}},  // partial
        // A continuation paragraph keeps the speaker.
        {"\"First,\" Mr Healey explained, \"we talk.\"\n\"Then we act together with our allies.\"\n",
         {{"First,", "Healey", true}, {"we talk.", "Healey", true}, {"Then we act", "Healey", true}}},
        // A quote opening a sentence after a speech sentence of the same paragraph.
        {"Professor Ada Brennan agreed. \"The vote is far from over.\"",
         {{"The vote is far from over.", "Ada Brennan", true}}},
        // An appositive of several comma parts before the verb.
        {"\"Both of them scare me,\" Harold Penn, 30, of Denver, Colo., who was polled, said in an interview.",
         {{"Both of them scare me,", "Harold Penn", true}}},
        // A frame closing the quote's sentence whose last comma is the appositive's.
        {"\"It would be an embarrassment\" if she lost, said David Okafor, an analyst at the institute.",
         {{"It would be an embarrassment", "David Okafor", true}}},
        // A credit paragraph after the quote paragraph.
        {"\"I went to the bank before the crash.\"\n\n- Mrs Okonjo.\n", {{"I went to the bank", "Okonjo", true}}},
        // 'X issued a statement, "…"'.
        {"Governor Tom Reddy issued a statement, \"Our state will recover from this.\"",
         {{"Our state will recover", "Tom Reddy", true}}},
        // A name's full stop ends the source: the next sentence's name is not the speaker.
        {"\"We refunded the money,\" said campaign manager Jon Kohl. Sen. Mary Ames called on others to act.",
         {{"We refunded the money,", "Jon Kohl", true}}},
        // An inverted frame: "Said X, ..." is not a first name Said.
        {"James Colby runs the agency. Said Colby, \"The error is painful to us.\"",
         {{"The error is painful", "James Colby", true}}},
        // A description with a person head noun resolves like a pronoun.
        {"Sheldon Marks met investors. \"It was very nice,\" the gambling tycoon told reporters.",
         {{"It was very nice,", "Sheldon Marks", true}}},
        // Pronoun chains: a sentence whose subject is "he" carries the referent; its names are objects.
        {"Paul Rendon spoke to CNN. He said on Thursday that Victor Hale needs to do more. \"We want a "
         "standard-bearer,\" "
         "he said.",
         {{"We want a standard-bearer,", "Paul Rendon", true}}},
        // A subject nearer than an earlier speech event wins.
        {"Senator Mark Kessler agreed to end his bid. Senator Ted Orwin played down the deal with Kessler. "
         "\"There never was an alliance,\" he said.",
         {{"There never was an alliance,", "Ted Orwin", true}}},
        // After a quote closed by a full stop, "X said he ..." is a new sentence, not its frame.
        {"\"It's a sad day,\" Senator Tom Vance told reporters. \"That has no place in politics.\" Governor Jim "
         "Ochoa said he would have acted.",
         {{"It's a sad day,", "Tom Vance", true}, {"That has no place", "Tom Vance", true}}},
        // A possessive opens the source phrase after the verb.
        {"Senator Ben Alder spoke in Ohio. \"We will win here,\" added his campaign manager Jeff Warner.",
         {{"We will win here,", "Jeff Warner", true}}},
        // Retorts and questions frame quotes too.
        {"\"He wants to be a tough guy tonight,\" Senator Bob Trask shot back.",
         {{"He wants to be a tough guy", "Bob Trask", true}}},
        {"\"What changed him so fundamentally?\" Glenn Ward questioned.", {{"What changed him", "Glenn Ward", true}}},
        {"Governor Ray Dunmore spoke. As he puts it, \"the best thing we have going for us is time.\"",
         {{"the best thing we have", "Ray Dunmore", true}}},
        // A speaker named with "of Place" is still the latest speaker for a later pronoun.
        {"Rep. Lee Zell of New York, a party veteran, said it would help. \"It is not do or die,\" he said.",
         {{"It is not do or die,", "Lee Zell", true}}},
        // The frame closing the quote's sentence when the paragraph ends there.
        {"\"They have no choice\" but to lead, says Evan Trask, a consultant.\n\nNext paragraph.",
         {{"They have no choice", "Evan Trask", true}}},
        // A quote resuming in the sentence after the previous quote's frame keeps its speaker.
        {"\"Many people are uncertain,\" Peter Thale wrote in a statement to Wired explaining why he spoke, \"but "
         "most agree.\"",
         {{"Many people are uncertain,", "Peter Thale", true}, {"but most agree.", "Peter Thale", true}}},
        // A long phrase after a closed sentence is a new sentence, not a frame ("45 states").
        {"Chief Calvin Wills lobbied to suspend the rights, saying, \"The fewer guns, the better.\" The state is one "
         "of "
         "45 states where it is allowed.",
         {{"The fewer guns, the better.", "Calvin Wills", true}}},
        // A definite description as the speech subject is the latest named speaker, not the
        // subject of that speaker's sentence; a possessor is no antecedent for "he".
        {"Sir Tom Arden has failed, Mr Hugh Vane has said.\n\n\"We are lost\", the party leader said. "
         "Mr Arden's plan was poor. \"It is bossy and nobody wants it,\" he added.",
         {{"We are lost", "Hugh Vane", true}, {"It is bossy", "Hugh Vane", true}}},
        // 'He continued: "…"' frames the quote after it, not the one before; a pronoun opening
        // the sentence after one whose subject is a definite description continues it.
        {"Tory leader Hugh Vane spoke on Monday. Sir Tom Arden denied the claim.\n\nThe Tory leader countered that "
         "deals were struck. He declared: \"He is the deals prime minister.\" He continued: \"We will win.\"",
         {{"He is the deals", "Hugh Vane", true}, {"We will win.", "Hugh Vane", true}}},
        // After a quote closed by a question mark, "X said he ..." is a new sentence, not its frame.
        {"Senator Tom Vance spoke first. \"How can we trust them?\" Governor Jim Ochoa said he would not answer.",
         {{"How can we trust them?", "Tom Vance", true}}},
        // A speech noun after the quote names its speaker.
        {"\"The voters are angry,\" is the blunt assessment of Mr Alan Reeve, a councillor.",
         {{"The voters are angry,", "Alan Reeve", true}}},
        {"\"The voters are angry,\" was Mrs Jill Amery's verdict.", {{"The voters are angry,", "Jill Amery", true}}},
        // A quote opening a sentence after one whose subject is a new named person is theirs.
        {"\"We need money,\" Mr Alan Reeve said. His colleague, Mrs Jill Amery, blames the war. \"We lost "
         "people from our party.\"",
         {{"We need money,", "Alan Reeve", true}, {"We lost people", "Jill Amery", true}}},
        // The name before a colon is the speaker in a headline ("Healey: '…'"), but after a
        // verb of telling it is the hearer: the speaker is the verb's subject.
        {"Defence Secretary Ann Ames: \"We will not resign.\"", {{"We will not resign.", "Ann Ames", true}}},
        {"Gordon Ames told Peter Kell: \"We cannot go on like this.\"",
         {{"We cannot go on like this.", "Gordon Ames", true}}},
        {"Mrs Jill Ross then asked Sir Tom Arden: \"Where is the money?\"",
         {{"Where is the money?", "Jill Ross", true}}},
        {"Few would put the question posed by Leeds nurse Ann Bell: \"Would you work for that?\"",
         {{"Would you work for that?", "Ann Bell", true}}},
        {"Mr Alan Reeve warned the minister, Ann Bell: \"You will lose the vote.\"",
         {{"You will lose the vote.", "Alan Reeve", true}}},
        // A given name's listed gender yields to the article's own pronoun ("Terry" is listed
        // as a man's name; "She continued" after a sentence naming only Terry Vale).
        {"Ober vetoed the bill on Friday. \"The rules are wrong,\" said widow Terry Vale.\n\nShe continued, "
         "\"We want a hearing in a court.\"",
         {{"The rules are wrong,", "Terry Vale", true}, {"We want a hearing", "Terry Vale", true}}},
        // ", said Tom Hale's plan" is no speech event of Tom Hale's.
        {"Dan Roe, an analyst at the bank, said Tom Hale's plan would fail.\n\n\"It cannot work,\" he said.",
         {{"It cannot work,", "Dan Roe", true}}},
        // A name in a clause opening with "While" is not the subject a later "he" continues.
        {"\"We are ready,\" said Tom Hale. While Mark Ives had many backers, that worried Dan Roe, a party "
         "official.\n\n\"Nobody backs us,\" he said.",
         {{"We are ready,", "Tom Hale", true}, {"Nobody backs us,", "Dan Roe", true}}},
        // A quote nested in a quote is part of it: the outer quote keeps its own credit.
        {"\xE2\x80\x9CI would rather stay in what he calls \xE2\x80\x9Chell\xE2\x80\x9D than move.\xE2\x80\x9D "
         "\xE2\x80\x95 Ann Bell\n\xE2\x80\x9CHe is no leader.\xE2\x80\x9D \xE2\x80\x95 Rosa Lind\n",
         {{"I would rather stay in what he calls", "Ann Bell", true}, {"He is no leader.", "Rosa Lind", true}}},
        {"\"We call it \"fair\" and they call it theft,\" said Mrs Ann Bell.",
         {{"We call it \"fair\" and they call it theft,", "Ann Bell", true}}},
        // A paragraph "X reports:" before a quote paragraph: X, a person or not.
        {"The Daily Herald reports:\n\n\"The council spent far more than it had planned this year.\"",
         {{"The council spent far more", "The Daily Herald", false}}},
        // A credit line the finder does not see as one person: a name-shaped run to the
        // line's end with a given name in it; a title-shaped run without one is no credit.
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Maria N Luis Orrin\n",
         {{"The debate was a mess.", "Maria N Luis Orrin", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Ana Sofia Vela Orrin\n",
         {{"The debate was a mess.", "Ana Sofia Vela Orrin", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Nell Carden Grey\n",
         {{"The debate was a mess.", "Nell Carden Grey", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Rosa P Tomas Vela\n",
         {{"The debate was a mess.", "Rosa P Tomas Vela", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Edna Q Farris Lunt\n",
         {{"The debate was a mess.", "Edna Q Farris Lunt", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Nell Vardy Orrin\n",
         {{"The debate was a mess.", "Nell Vardy Orrin", true}}},
        {"\xE2\x80\x9CThe debate was a mess.\xE2\x80\x9D \xE2\x80\x95 Weekly Review\n",
         {{"The debate was a mess.", "", true}}},
        {"", {}},
        {"An unmatched \" mark and nothing else", {}},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        check_quotes(text, r.expected);
    }
}

TEST_CASE("multi-paragraph quotes are one quote joined with spaces") {
    const std::string text =
        "Mr Healey said: \"First paragraph here.\n\"Second paragraph here.\n\"Last paragraph here.\"\nAfter.";
    const auto q = direct_quotes(text);
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "First paragraph here. Second paragraph here. Last paragraph here.");
    CHECK(q[0].rule == "multi-paragraph");
    CHECK(q[0].speaker == "Healey");
    CHECK(q[0].speaker_rule == "colon-frame");
}

TEST_CASE("partial quotes: words quoted inside the reporter's clause are reported speech with a speaker") {
    struct Row {
        const char* text;
        const char* quote;    // the quoted words
        const char* speaker;  // "" when none
        bool partial;         // marked indirect, rule "partial"
    };
    const Row rows[] = {
        {"Mr Healey said Britain was determined to \"lead a push for a better peace\" as it appealed.",
         "lead a push for a better peace", "Healey", true},
        {"According to a statement, the pair \"discussed the important defence ties\".",
         "discussed the important defence ties", "a statement", true},
        {"Mr Tom Arden called the plan \"reckless and a danger to the country\" on Monday.",
         "reckless and a danger to the country", "Tom Arden", true},
        // Framed by the verb itself, or a whole sentence: a quotation.
        {"Mr Tom Arden said \"we will win this vote\" on Monday.", "we will win this vote", "Tom Arden", false},
        {"Mr Tom Arden told reporters \"We will win this vote.\"", "We will win this vote.", "Tom Arden", false},
        {"Crowds outside chanted \"We want a vote now.\"", "We want a vote now.", "", false},
    };
    for (const Row& r : rows) {
        const std::string text = r.text;
        CAPTURE(text);
        auto people = find_people(text, find_places(text));
        const auto quotes = find_quotes(text, people);
        const Quote* found = nullptr;
        for (const auto& q : quotes)
            if (q.text == r.quote) found = &q;
        REQUIRE(found);
        CHECK(found->indirect == r.partial);
        CHECK((found->rule == "partial") == r.partial);
        CHECK(found->speaker == r.speaker);
    }
}

TEST_CASE("indirect speech gives the speaker, marked indirect") {
    const std::string text = "Foreign Secretary David Lammy said that the talks had failed.";
    auto people = find_people(text, {});
    const auto quotes = find_quotes(text, people);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].indirect);
    CHECK(quotes[0].rule == "indirect");
    CHECK(quotes[0].speaker == "David Lammy");
    CHECK(quotes[0].text == "the talks had failed");
}

TEST_CASE("seed articles: speakers") {
    struct Row {
        const char* file;
        std::vector<std::pair<std::string, std::string>> quotes;  // text prefix -> speaker
        std::vector<std::string> not_speakers;
    };
    const Row rows[] = {
        {"000_9a5ad2e1a0c9bfef.txt",
         {{"lead a push for a better peace", "John Healey"},
          {"I've said to him", "John Healey"},
          {"The level of those civilian deaths", "John Healey"},
          {"In this memory of the very darkest day", "John Healey"},
          {"This is a painful day", "David Lammy"}},
         {"Yoav Gallant"}},
        {"001_9b59a9d14afede96.txt",
         {{"De-escalation must be the first focus", "John Healey"}},
         {"Yoav Gallant", "David Lammy", "Israeli officials", "A Labour source"}},
        {"002_4a88d1566f9dd8da.txt",
         {{"In the short term", "James Cleverley"},
          {"But our view is", "James Cleverley"},
          {"It has become clear", "Imran Hussain"},
          {"should not be made a right", "Imran Hussain"}},
         {"Keir Starmer", "Jeremy Corbyn"}},
    };
    for (const Row& r : rows) {
        const std::string file = r.file;
        CAPTURE(file);
        const std::string text = read_seed(r.file);
        REQUIRE(!text.empty());
        auto people = find_people(text, find_places(text));
        const auto quotes = find_quotes(text, people);
        std::string listing;
        for (const auto& q : quotes)
            listing += "{" + q.text.substr(0, 40) + "} -> " + q.speaker + " (" + q.speaker_rule + ")\n";
        for (const auto& p : people)
            listing += "P[" + p.surface + "] " + p.name + " " + p.rule + "\n";
        CAPTURE(listing);
        for (const auto& [prefix, speaker] : r.quotes) {
            CAPTURE(prefix);
            const Quote* found = nullptr;
            for (const auto& q : quotes)
                if ((!q.indirect || q.rule == "partial") && q.text.rfind(prefix, 0) == 0) found = &q;
            REQUIRE(found);
            CHECK(found->speaker == speaker);
            CHECK(found->speaker_is_person);
            // The speaker is the same string as the person's canonical name.
            bool is_person = false;
            for (const auto& p : people)
                is_person |= p.name == found->speaker;
            CHECK(is_person);
        }
        for (const auto& q : quotes) {
            for (const auto& n : r.not_speakers)
                CHECK_MESSAGE(!(q.speaker == n && q.speaker_is_person), n);
            if (!q.speaker_is_person) {
                for (const auto& p : people)
                    CHECK(p.name != q.speaker);
            }
        }
    }
    // The multi-paragraph quote in seed 000 is one quote.
    const std::string text = read_seed("000_9a5ad2e1a0c9bfef.txt");
    auto people = find_people(text, find_places(text));
    for (const auto& q : find_quotes(text, people))
        if (q.text.rfind("The level of those civilian deaths", 0) == 0) {
            CHECK(q.rule == "multi-paragraph");
            CHECK(q.text.find("And yes, of course") != std::string::npos);
            CHECK(q.text.find("that we mark today.") != std::string::npos);
        }
}
