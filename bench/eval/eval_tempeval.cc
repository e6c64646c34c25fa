// STUB: to be replaced by the tempeval scorer.
#include "eval.h"
namespace newsfacet::eval {
int eval_tempeval(const EvalOptions&, std::ostream& out) {
    out << "newsfacet-eval tempeval: not implemented yet\n";
    return 1;
}
}  // namespace newsfacet::eval
