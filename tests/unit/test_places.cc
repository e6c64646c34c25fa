#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "article.h"
#include "extract.h"

using namespace newsfacet;

namespace {

// "name/level/country" for each mention, in text order.
std::vector<std::string> describe(std::string_view text) {
    std::vector<std::string> out;
    for (const PlaceMention& p : find_places(text))
        out.push_back(p.name + "/" + p.level + "/" + p.country);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("find_places: matching and guards") {
    struct Row {
        const char* text;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"He flew to Tel Aviv on Friday.", {"Tel Aviv/city/Israel"}},
        // AP state abbreviations without their stop, after "City, " only.
        {"Oil rose in Tulsa, Okla on Monday.", {"Tulsa/city/United States", "Oklahoma/admin1/United States"}},
        {"TULSA , Okla 1996-08-22", {"Tulsa/city/United States", "Oklahoma/admin1/United States"}},
        {"He met Okla and Minn yesterday.", {}},
        {"Talks in the Gaza Strip and the West Bank.", {"Gaza Strip/region/Palestine", "West Bank/region/Palestine"}},
        {"Tensions in the Middle East rose.", {"Middle East/region/"}},
        {"The U.K. and the U.S. agreed.",
         {"United Kingdom/country/United Kingdom", "United States/country/United States"}},
        {"Britain's support for Israel's right.", {"United Kingdom/country/United Kingdom", "Israel/country/Israel"}},
        {"the Israel-Hamas war", {"Israel/country/Israel"}},
        {"a pro-Israel group", {}},
        {"a Tokyo-based firm", {}},
        {"Jordan Henderson scored.", {}},
        {"He met Jordan's king.", {"Jordan/country/Jordan"}},
        {"She studied at the London School of Economics.", {}},
        {"The Bank of England raised rates.", {}},
        {"He reads the New York Times daily.", {}},
        {"Reading the report, he frowned.", {}},
        {"He rode the Tour de France twice.", {}},
        {"The Organisation for Security and Cooperation in Europe (OSCE) met in Vienna.", {"Vienna/city/Austria"}},
        {"Growth in New England and the Midwest.",
         {"New England/region/United States", "Midwest/region/United States"}},
        {"The match in Reading ended late.", {"Reading/city/United Kingdom"}},
        {"Nice weather today.", {}},
        {"TOKYO, March 3 - Japan's exports rose.", {"Tokyo/city/Japan", "Japan/country/Japan"}},
        {"LONDON 1996-08-30", {"London/city/United Kingdom"}},
        {"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .", {"Japan/country/Japan", "China/country/China"}},
        {"He lives in London, Ontario, near Toronto.",
         {"London/city/Canada", "Ontario/admin1/Canada", "Toronto/city/Canada"}},
        {"He moved from London to Manchester.", {"London/city/United Kingdom", "Manchester/city/United Kingdom"}},
        {"Officials in Kiev said so.", {"Kyiv/city/Ukraine"}},
        {"Exports from C\xC3\xB4te d\xE2\x80\x99Ivoire and Cote d'Ivoire rose.",
         {"Ivory Coast/country/Ivory Coast", "Ivory Coast/country/Ivory Coast"}},
        {"Flights to S\xC3\xA3o Paulo and Sao Paulo resumed.",
         {"S\xC3\xA3o Paulo/city/Brazil", "S\xC3\xA3o Paulo/city/Brazil"}},
        {"He flew to Washington, D.C., then to Moscow and St. Petersburg.",
         {"Washington D.C./city/United States", "Moscow/city/Russia", "Saint Petersburg/city/Russia"}},
        {"Defence Secretary visited UK troops.", {"United Kingdom/country/United Kingdom"}},
        {"UK Prime Minister spoke.", {"United Kingdom/country/United Kingdom"}},
        {"Israeli officials said.", {}},
        // A small city in a story about other countries needs support.
        {"Westminster voted as Britain and France watched.",
         {"United Kingdom/country/United Kingdom", "France/country/France"}},
        {"Japan's envoy flew to Tel Aviv.", {"Japan/country/Japan", "Tel Aviv/city/Israel"}},
        {"Bradford backed the plan, England said.", {"Bradford/city/United Kingdom", "England/admin1/United Kingdom"}},
        {"Gaza and Britain: Palestinians wait.", {"Gaza/city/Palestine", "United Kingdom/country/United Kingdom"}},
        {"Delta and Toyota shares rose in France.", {"France/country/France"}},
        {"Reading, England, and Nice, France.",
         {"Reading/city/United Kingdom", "England/admin1/United Kingdom", "Nice/city/France", "France/country/France"}},
        // Georgia the country and the US state, Washington D.C. and the state: by context;
        // the state's canonical name carries its country, so place:Georgia tells them apart.
        {"Storms hit Atlanta, Georgia.", {"Atlanta/city/United States", "Georgia (United States)/admin1/United States"}},
        {"A storm hit Atlanta, Georgia on Monday.",
         {"Atlanta/city/United States", "Georgia (United States)/admin1/United States"}},
        {"Georgia held elections, officials in Tbilisi said.", {"Georgia/country/Georgia", "Tbilisi/city/Georgia"}},
        {"Flooding closed roads near Seattle, Washington on Tuesday.",
         {"Seattle/city/United States", "Washington State/admin1/United States"}},
        {"The minister held talks in Washington with the President.", {"Washington D.C./city/United States"}},
        {"Tacoma and Spokane in Washington voted.",
         {"Tacoma/city/United States", "Spokane/city/United States", "Washington State/admin1/United States"}},
        {"US sprinters arrived in Athens.", {"United States/country/United States", "Athens/city/Greece"}},
        {"Students in Athens, Georgia, cheered.",
         {"Athens/city/United States", "Georgia (United States)/admin1/United States"}},
        {"Talks in Georgia and Russia.", {"Georgia/country/Georgia", "Russia/country/Russia"}},
        // Native spellings, as written and folded to ASCII.
        {"Banks in Z\xC3\xBCrich and Gen\xC3\xA8ve reported gains. M\xC3\xBCnchen also rose.",
         {"Zurich/city/Switzerland", "Geneva/city/Switzerland", "Munich/city/Germany"}},
        {"Banks in Zurich and Geneve reported gains. Munchen also rose.",
         {"Zurich/city/Switzerland", "Geneva/city/Switzerland", "Munich/city/Germany"}},
        {"The Duma voted on Friday.", {}},
        // "José" is a name, never the Nigerian city Jos (a token ends at a letter, not a byte).
        {"Jos\xC3\xA9 scored twice for the visitors.", {}},
        {"JOS\xC3\x89 SCORES TWICE IN CUP WIN", {}},
        {"Jos\xC3\xA9 Silva flew to Lagos.", {"Lagos/city/Nigeria"}},
        {"Clashes in Jos, Nigeria, left ten dead.", {"Jos/city/Nigeria", "Nigeria/country/Nigeria"}},
        {"", {}},
        {"\xEF\xBF\xBD Paris \xEF\xBF\xBD", {"Paris/city/France"}},
    };
    for (const Row& r : rows) {
        CAPTURE(std::string(r.text));
        CHECK(describe(r.text) == r.expected);
    }
}

TEST_CASE("find_places: spans, surfaces and rules") {
    const std::string text = "Healey flew to Tel Aviv; the U.S. watched.";
    const auto places = find_places(text);
    REQUIRE(places.size() == 2);
    CHECK(text.substr(places[0].span.begin, places[0].span.end - places[0].span.begin) == "Tel Aviv");
    CHECK(places[0].surface == "Tel Aviv");
    CHECK(places[0].rule == "gazetteer:city");
    CHECK(places[1].surface == "U.S.");
    CHECK(places[1].name == "United States");
    CHECK(places[1].rule == "alias:curated");
}

TEST_CASE("find_places on the seeds") {
    struct Row {
        const char* file;
        std::vector<std::string> must;  // name/country
    };
    const Row rows[] = {
        {"000_9a5ad2e1a0c9bfef.txt",
         {"London/United Kingdom", "Israel/Israel", "Gaza/Palestine", "Lebanon/Lebanon", "Yemen/Yemen", "Iran/Iran",
          "Middle East/", "United Kingdom/United Kingdom"}},
        {"001_9b59a9d14afede96.txt",
         {"Qatar/Qatar", "Tel Aviv/Israel", "Israel/Israel", "United Kingdom/United Kingdom", "Middle East/",
          "Gaza Strip/Palestine"}},
        {"002_4a88d1566f9dd8da.txt",
         {"Tokyo/Japan", "Bradford/United Kingdom", "Israel/Israel", "Gaza/Palestine", "England/United Kingdom"}},
    };
    for (const Row& r : rows) {
        CAPTURE(std::string(r.file));
        const std::string text = read_file(std::string(NEWSFACET_TEST_DATA) + "/../../seeds/" + r.file);
        REQUIRE(!text.empty());
        std::set<std::string> got;
        for (const PlaceMention& p : find_places(text))
            got.insert(p.name + "/" + p.country);
        for (const std::string& m : r.must) {
            CAPTURE(m);
            CHECK(got.contains(m));
        }
        std::string all;
        for (const auto& s : got)
            all += s + "; ";
        MESSAGE(r.file << ": " << all);
    }
}

TEST_CASE("find_places is fast and safe on large and odd input") {
    std::string big;
    const std::string para =
        "Officials in London and Tokyo said the talks in Tel Aviv, Israel, would resume. \xEF\xBF\xBD\xE2\x80\x9C"
        "Nice,\xE2\x80\x9D he said in Reading. U.S. and U.K. envoys met in the Middle East.\n";
    while (big.size() < 3000)
        big += para;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 100; ++i)
        CHECK(!find_places(big).empty());
    const double per = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 100;
    MESSAGE("find_places: " << per << " ms per 3 KB article");
    std::string huge(2'000'000, 'A');  // one endless capitalised token
    CHECK(find_places(huge).empty());
    std::string dots;
    for (int i = 0; i < 100000; ++i)
        dots += "U.S.-";
    CHECK(find_places(dots).size() > 0);
    CHECK(find_places(std::string("\xF0\x9F", 2)).empty());  // truncated UTF-8
}
