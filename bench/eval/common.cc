#include <cstdio>

#include "eval.h"

namespace newsfacet::eval {

std::string prf_json(const Prf& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"tp\": %zu, \"fp\": %zu, \"fn\": %zu}",
                  s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn);
    return buf;
}

std::string prf_text(const Prf& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "P %.3f  R %.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)", s.precision(), s.recall(),
                  s.f1(), s.tp, s.fp, s.fn);
    return buf;
}

}  // namespace newsfacet::eval
