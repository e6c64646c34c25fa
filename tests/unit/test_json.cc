#include <doctest/doctest.h>

#include <string>

#include "json.h"

using namespace newsfacet;

TEST_CASE("json_string escapes what a terminal would act on and keeps the text") {
    struct Row {
        std::string in, out;
    };
    const Row rows[] = {
        {"plain", "\"plain\""},
        {"q\"b\\\n\t", "\"q\\\"b\\\\\\n\\t\""},
        {"\x1B[31m\x07\x7F", "\"\\u001b[31m\\u0007\\u007f\""},
        {"c1\xC2\x9B", "\"c1\\u009b\""},
        {"rlo\xE2\x80\xAE lri\xE2\x81\xA6", "\"rlo\\u202e lri\\u2066\""},
        {"ls\xE2\x80\xA8", "\"ls\\u2028\""},
        {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\""},
        {"bad\xE9", "\"bad\xEF\xBF\xBD\""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.in);
        std::string out;
        json_string(out, r.in);
        CHECK(out == r.out);
    }
}
