// STUB: to be replaced by the places extractor (issue 4).
#include "extract.h"
namespace newsfacet {
std::vector<PlaceMention> find_places(std::string_view) { return {}; }
}  // namespace newsfacet
