// STUB: to be replaced by the date extractor (issue 6).
#include "extract.h"
namespace newsfacet {
std::vector<DateMention> find_dates(std::string_view, const std::optional<Ymd>&) { return {}; }
}  // namespace newsfacet
