// STUB: to be replaced by the quote finder (issue 5).
#include "extract.h"
namespace newsfacet {
std::vector<Quote> find_quotes(std::string_view, std::vector<PersonMention>&) { return {}; }
}  // namespace newsfacet
