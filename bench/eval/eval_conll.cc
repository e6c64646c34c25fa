// STUB: to be replaced by the conll scorer.
#include "eval.h"
namespace newsfacet::eval {
int eval_conll(const EvalOptions&, std::ostream& out) {
    out << "newsfacet-eval conll: not implemented yet\n";
    return 1;
}
}  // namespace newsfacet::eval
