// The publication-date manifest (manifest.tsv, docs/input.md): Manifest::add_text on
// any bytes. Every date it keeps is a real day, and each line gives at most one
// warning.
#include <cstdint>
#include <string>
#include <vector>

#include "dates.h"
#include "fuzz_check.h"
#include "reader.h"

using namespace newsfacet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Manifest m;
    std::vector<std::string> warnings;
    m.add_text("dir", "dir/manifest.tsv", text, warnings);
    std::size_t lines = 0;
    for (std::size_t p = 0; p < text.size(); p = text.find('\n', p) + 1) {
        ++lines;
        std::size_t e = text.find('\n', p);
        const std::string_view line = text.substr(p, e == std::string_view::npos ? text.size() - p : e - p);
        const std::string file(line.substr(0, line.find('\t')));
        if (const auto d = m.find("dir/" + file)) {
            FUZZ_CHECK(d->month >= 1 && d->month <= 12);
            FUZZ_CHECK(d->day >= 1 && d->day <= days_in_month(d->year, d->month));
        }
        if (e == std::string_view::npos) break;
    }
    FUZZ_CHECK(warnings.size() <= lines);
    return 0;
}
