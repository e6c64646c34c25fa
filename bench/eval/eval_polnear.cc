// STUB: to be replaced by the polnear scorer.
#include "eval.h"
namespace newsfacet::eval {
int eval_polnear(const EvalOptions&, std::ostream& out) {
    out << "newsfacet-eval polnear: not implemented yet\n";
    return 1;
}
}  // namespace newsfacet::eval
