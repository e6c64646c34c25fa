// The PolNeAR reader and per-document scorer behind `newsfacet-eval polnear`, exposed so
// that the unit tests can check them on hand-made brat files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval.h"
#include "extraction.h"

namespace newsfacet::eval {

/// One gold attribution: byte spans into the document text (Source may be absent).
struct GoldAttribution {
    Span content;
    Span source;
    bool has_source = false;
    bool direct = false;   ///< the content is a direct quotation (opens with, or sits inside, quote marks)
    bool partial = false;  ///< the content holds quote marks but is not direct (a partial quote)
    std::string source_text;
    std::string speaker;  ///< the gold speaker after resolving pronouns and descriptions ("" if none)
    bool named = false;   ///< the source itself names the speaker (no pronoun or description resolved)
};

/// Parses a brat .ann file against its text: code-point offsets become byte offsets into
/// `text`; discontinuous spans are covered from their first start to their last end.
std::vector<GoldAttribution> parse_polnear_ann(std::string_view ann, std::string_view text);

/// The gold speaker of each attribution: the source's name, or for pronouns and
/// lower-case descriptions the nearest preceding gold source that is a name (of the
/// same gender when an honorific or given name tells it). Fills `speaker`.
void resolve_gold_speakers(std::vector<GoldAttribution>& gold);

/// True when a predicted speaker names the gold speaker: the same surname (last word
/// after dropping honorifics, parentheses and appositives), case-insensitively.
bool same_speaker(std::string_view predicted, std::string_view gold);

/// One error, for --errors.
struct PolnearError {
    enum Kind { miss, false_alarm, wrong_speaker } kind;
    std::string doc, quote, gold_speaker, predicted_speaker;
};

/// Counts for one document or a whole split.
struct PolnearScore {
    std::size_t gold_direct = 0, gold_matched = 0;                            ///< recall: gold direct quotes found
    std::size_t predicted = 0, predicted_matched = 0, predicted_neutral = 0;  ///< precision
    std::size_t speaker_total = 0, speaker_correct = 0;  ///< over matched gold with a named speaker
    std::size_t speaker_unresolved = 0;                  ///< matched gold whose source resolves to no name
    std::size_t named_total = 0, named_correct = 0;      ///< the part of speaker_total whose gold source is a name
    double precision() const;                            ///< matched predictions / (predictions - neutral ones)
    double recall() const;                               ///< matched gold / gold direct quotes
    double f1() const;
    double speaker_accuracy() const;
    PolnearScore& operator+=(const PolnearScore& o);
};

/// Scores the predicted quotes of one document (direct ones only) against its gold.
PolnearScore score_polnear_document(const std::string& doc, std::string_view text,
                                    const std::vector<GoldAttribution>& gold, const std::vector<Quote>& predicted,
                                    std::vector<PolnearError>* errors);

}  // namespace newsfacet::eval
