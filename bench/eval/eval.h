// newsfacet-eval: scores the extractors against gold sets in their native formats.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace newsfacet::eval {

/// Options shared by every evaluation command.
struct EvalOptions {
    std::string path;        ///< file or directory of gold data
    bool json = false;       ///< print one JSON object instead of the readable report
    std::size_t errors = 0;  ///< list this many misses and false alarms with context
    std::size_t limit = 0;   ///< evaluate at most this many documents (0 = all)
};

/// Precision / recall / F1 counts.
struct Prf {
    std::size_t tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
    double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    Prf& operator+=(const Prf& o) {
        tp += o.tp;
        fp += o.fp;
        fn += o.fn;
        return *this;
    }
};

/// `{"precision": p, "recall": r, "f1": f, "tp": n, "fp": n, "fn": n}`.
std::string prf_json(const Prf& s);
/// "P 0.912  R 0.845  F1 0.877  (tp 10, fp 1, fn 2)".
std::string prf_text(const Prf& s);

// Each returns the process exit status (0 ok, 1 unreadable input) and prints to `out`.
int eval_conll(const EvalOptions& o, std::ostream& out);     // eval_ner.cc
int eval_tempeval(const EvalOptions& o, std::ostream& out);  // eval_tempeval.cc
int eval_polnear(const EvalOptions& o, std::ostream& out);   // eval_quotes.cc
int eval_reuters(const EvalOptions& o, std::ostream& out);   // eval_reuters.cc

}  // namespace newsfacet::eval
