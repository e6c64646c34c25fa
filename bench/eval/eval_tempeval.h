// The TimeML reader and per-document scorer behind `newsfacet-eval tempeval`,
// exposed so that the unit tests can check them on hand-made files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval.h"
#include "extraction.h"

namespace newsfacet::eval {

/// One gold TIMEX3 from the <TEXT> element.
struct GoldTimex {
    std::string tid, type, value;
    Span span;  ///< byte span in TmlDoc::text
};

/// A TimeML document: the text with tags stripped, its TIMEX3s and creation time.
struct TmlDoc {
    std::string text;
    std::vector<GoldTimex> gold;
    std::optional<Ymd> dct;
};

/// Reads a .tml file's contents; nullopt when it has no <TEXT> element.
std::optional<TmlDoc> parse_tml(std::string_view xml);

/// Gold values are compared after this: "2000-W7" -> "2000-W07", "1998-08-07TNI" -> "1998-08-07".
std::string normalise_value(std::string_view v);

/// False for values that name no calendar period: *_REF, values with X, durations.
bool scored_value(std::string_view v);

/// What went wrong; `span` is a match whose span differs from the gold (strict errors).
enum class ErrorKind { miss, false_alarm, wrong_value, span };

/// One error, for --errors.
struct DocError {
    ErrorKind kind;
    Span span;
    std::string surface, predicted, gold, rule;
};

/// Scores of one document.
struct DocScore {
    Prf detection;                  ///< overlapping spans, one-to-one
    Prf strict;                     ///< identical spans
    Prf value;                      ///< overlapping spans and equal values
    std::size_t matched = 0;        ///< predictions matched to a gold DATE (value accuracy's denominator)
    std::size_t unscored_gold = 0;  ///< gold DATEs left out (see scored_value)
    std::vector<DocError> errors;
};

/// Matches predictions to the scored gold DATEs of one document (first overlapping
/// unmatched gold, in text order). A prediction overlapping only an unscored TIMEX3
/// (TIME, DURATION, SET, or an unscored DATE) counts neither way. With `all_dates`,
/// every gold DATE is scored (PRESENT_REF and the like become misses).
DocScore score_document(const TmlDoc& doc, const std::vector<DateMention>& pred, bool all_dates = false);

}  // namespace newsfacet::eval
