// Extraction on any article (the indexer's path after decoding): extract() and the
// documents built from it. Every span lies inside the text, every value is valid
// UTF-8, and the Xapian documents can be built.
#include <cstdint>
#include <string>

#include "article.h"
#include "document.h"
#include "extract.h"
#include "fuzz_check.h"
#include "text.h"

using namespace newsfacet;

namespace {

void check_span(const Span& s, const std::string& text) { FUZZ_CHECK(s.begin <= s.end && s.end <= text.size()); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    Article a;
    a.id = "fuzz";
    a.path = "fuzz.txt";
    DecodeReport rep;
    if (decode_text(std::string_view(reinterpret_cast<const char*>(data), size), a.text, rep) != RejectReason::none)
        return 0;
    split_article(a);
    if (size % 2) a.published = Ymd{2024, 10, 8};
    const Extraction x = extract(a);
    for (const PersonMention& p : x.people) {
        check_span(p.span, a.text);
        FUZZ_CHECK(is_valid_utf8(p.name) && is_valid_utf8(p.surface));
    }
    for (const PlaceMention& p : x.places) {
        check_span(p.span, a.text);
        FUZZ_CHECK(is_valid_utf8(p.name) && is_valid_utf8(p.surface));
    }
    for (const Quote& q : x.quotes) {
        check_span(q.span, a.text);
        if (q.speaker_span) check_span(*q.speaker_span, a.text);
        FUZZ_CHECK(is_valid_utf8(q.text) && is_valid_utf8(q.speaker));
    }
    for (const DateMention& d : x.dates) {
        check_span(d.span, a.text);
        FUZZ_CHECK(is_valid_utf8(d.surface) && is_valid_utf8(d.value));
    }
    const ArticleDocuments docs = build_documents(a, x);
    FUZZ_CHECK(!docs.unique_term.empty() && docs.unique_term.size() <= 245);
    return 0;
}
