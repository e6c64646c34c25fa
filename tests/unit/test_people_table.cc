// The collection's people table (common/people_table.h): name variant keys, short
// forms, and surnames resolved by dominance. Every name here is invented.
#include <doctest/doctest.h>

#include <algorithm>

#include "people_table.h"
#include "text.h"

using namespace newsfacet;

namespace {

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST_CASE("fold_name folds a name as fold_key does") {
    const char* rows[] = {"Walter Fenwick", "John Q. Adler", "JOHN Q ADLER", "J.Q. Adler", "O'Brennan",
                          "Anne-Marie Lestrade", "Émile Vautrin", "Lt. Col. Ruth Okafor", "Mr  Osei",
                          "A. B.", "Osei.", "X2 Fenwick", "d'Arcy Lunn"};
    for (const char* name : rows) {
        CAPTURE(name);
        CHECK(fold_name(name) == fold_key(name));
    }
}

TEST_CASE("name_variant_key: one key for the spellings of one name") {
    struct Row {
        const char* folded;
        const char* key;
    };
    const Row rows[] = {
        {"john q. adler", "john q adler"},         // a dot
        {"john q adler", "john q adler"},          //
        {"mr osei", "osei"},                       // an honorific
        {"president walter fenwick", "walter fenwick"},  // an office
        {"the fenwick", "fenwick"},                // an article
        {"martin l. quist jr", "martin l quist"},  // a generational suffix
        {"walter fenwick iii", "walter fenwick"},  //
        {"j.q adler", "jq adler"},                 // dots inside a word
        {"mr", "mr"},                              // a title alone stays
        {"jr", "jr"},                              //
        {"", ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.folded);
        CHECK(name_variant_key(r.folded) == r.key);
    }
}

TEST_CASE("is_partial_name: less specific forms of a name") {
    struct Row {
        const char* a;
        const char* b;
        bool partial;
    };
    const Row rows[] = {
        {"adler", "john q adler", true},        // surname alone
        {"q adler", "john q adler", true},      // a tail
        {"john adler", "john q adler", true},   // without the middle initial
        {"j adler", "john q adler", true},      // an initial for the first name
        {"j q adler", "john q adler", true},    //
        {"john r adler", "john q adler", false},  // another middle initial
        {"peter adler", "john q adler", false},   // another first name
        {"john adler", "john adler", false},      // the same name
        {"john q adler", "john adler", false},    // more specific, not less
        {"adler", "adlers", false},               // another surname
        {"jo adler", "john adler", false},        // only one letter stands for a word
    };
    for (const Row& r : rows) {
        CAPTURE(r.a);
        CAPTURE(r.b);
        CHECK(is_partial_name(name_tokens(r.a), name_tokens(r.b)) == r.partial);
    }
}

TEST_CASE("PeopleTable::resolve: surnames and short forms across the collection") {
    const std::vector<NameCount> names = {
        {"walter fenwick", 40}, {"fenwick", 30},    {"mr fenwick", 5},     {"ida fenwick", 3},  // dominant
        {"carla osei", 10},     {"peter osei", 8},  {"osei", 4},                                // ambiguous
        {"john q adler", 5},    {"john adler", 20}, {"adler", 2},                               // a middle initial
        {"mara quist", 7},      {"m quist", 2},                                                 // an initial
        {"eva brand", 2},       {"tom brand", 2},                                               // none dominant
    };
    const PeopleTable t = PeopleTable::build(names);
    struct Row {
        const char* typed;  // folded
        bool exact;
        std::vector<std::string> keys;
        std::vector<std::string> people;  // when ambiguous: labels, most documents first
    };
    const Row rows[] = {
        {"fenwick", false, {"fenwick", "mr fenwick", "walter fenwick"}, {}},
        {"walter fenwick", false, {"fenwick", "mr fenwick", "walter fenwick"}, {}},
        {"president fenwick", false, {"fenwick", "mr fenwick", "walter fenwick"}, {}},  // same variant key
        {"ida fenwick", false, {"ida fenwick"}, {}},
        {"osei", false, {"carla osei", "osei", "peter osei"}, {"carla osei", "peter osei"}},
        {"osei", true, {"osei"}, {}},  // -f selects what the facet counted
        {"carla osei", false, {"carla osei"}, {}},
        {"adler", false, {"adler", "john adler", "john q adler"}, {}},
        {"john q. adler", false, {"adler", "john adler", "john q adler"}, {}},
        {"quist", false, {"m quist", "mara quist"}, {}},  // not indexed alone: the one it fits
        {"brand", false, {"eva brand", "tom brand"}, {"eva brand", "tom brand"}},  // not indexed, ambiguous
        {"zorn", false, {}, {}},
        {"john r adler", false, {}, {}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.typed);
        CAPTURE(r.exact);
        const PeopleTable::Resolution got = t.resolve(r.typed, r.exact);
        CHECK(sorted(got.keys) == r.keys);
        std::vector<std::string> people;
        for (const NameCount& p : got.people)
            people.push_back(p.key);
        CHECK(people == r.people);
    }
}

TEST_CASE("PeopleTable: labels, members and the stored form") {
    const std::vector<NameCount> names = {{"walter fenwick", 40}, {"fenwick", 30}, {"mr fenwick", 5},
                                          {"carla osei", 10},     {"peter osei", 8}, {"osei", 4},
                                          {"ida lunn", 1}};
    const PeopleTable built = PeopleTable::build(names);
    const std::optional<PeopleTable> read = PeopleTable::parse(built.serialise());
    REQUIRE(read);
    CHECK(read->serialise() == built.serialise());
    for (const PeopleTable* t : {&built, &*read}) {
        CHECK(t->label_of("fenwick") == "walter fenwick");
        CHECK(t->label_of("mr fenwick") == "walter fenwick");
        CHECK(t->label_of("walter fenwick") == "walter fenwick");
        CHECK(t->label_of("ida lunn") == "ida lunn");
        CHECK(t->label_of("not indexed") == "not indexed");
        CHECK(sorted(t->members("walter fenwick")) == std::vector<std::string>{"fenwick", "mr fenwick", "walter fenwick"});
        CHECK(t->members("ida lunn") == std::vector<std::string>{"ida lunn"});
        CHECK(t->label_of("osei") == "osei");
        REQUIRE(t->candidates("osei"));
        CHECK(t->candidates("osei")->size() == 2);
        CHECK(t->candidates("osei")->front().key == "carla osei");
        CHECK(t->candidates("osei")->front().docs == 10);
        CHECK(t->candidates("carla osei") == nullptr);
    }
    CHECK_FALSE(PeopleTable::parse("m\tonly two\n"));
    CHECK_FALSE(PeopleTable::parse("a\tosei\tcarla osei\tten\n"));
    CHECK_FALSE(PeopleTable::parse("m\ta\tb"));  // no final newline
    CHECK(PeopleTable::parse(""));
}
