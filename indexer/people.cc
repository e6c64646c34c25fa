// STUB: to be replaced by the people extractor (issue 5).
#include "extract.h"
namespace newsfacet {
std::vector<PersonMention> find_people(std::string_view, const std::vector<PlaceMention>&) { return {}; }
}  // namespace newsfacet
