// STUB: to be replaced by the reuters scorer.
#include "eval.h"
namespace newsfacet::eval {
int eval_reuters(const EvalOptions&, std::ostream& out) {
    out << "newsfacet-eval reuters: not implemented yet\n";
    return 1;
}
}  // namespace newsfacet::eval
