// Scoring helpers behind `newsfacet-eval conll` and `newsfacet-eval reuters`, split out
// so that the scorers themselves are unit-tested on hand-made gold data without the
// extractors (tests/unit/test_eval_ner.cc, test_eval_reuters.cc).
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "eval.h"
#include "extraction.h"

namespace newsfacet::eval {

// ---- CoNLL-2003 ------------------------------------------------------------------------

/// One CoNLL document: tokens, their NER tags ("B-LOC", "I-PER", "O") and where each
/// sentence starts (token index).
struct ConllDoc {
    std::vector<std::string> tokens;
    std::vector<std::string> tags;
    std::vector<std::size_t> sentence_starts;
};

/// Reads a CoNLL-2003 file: "token POS chunk NER" lines, blank lines between
/// sentences, -DOCSTART- lines between documents. Accepts IOB1 and IOB2 tags.
std::vector<ConllDoc> read_conll(std::istream& in);

/// An entity as a half-open token range [begin, end) with its type ("LOC", "PER" ...).
struct TokenSpan {
    std::size_t begin = 0, end = 0;
    std::string type;
    auto operator<=>(const TokenSpan&) const = default;
};

/// Entities of a tag sequence (IOB1 or IOB2).
std::vector<TokenSpan> bio_spans(const std::vector<std::string>& tags);

/// The document as an article text: tokens joined by single spaces, sentences by
/// newlines; `token_bytes` gives each token's byte range in `text`.
struct ConllText {
    std::string text;
    std::vector<Span> token_bytes;
};
ConllText rebuild_text(const ConllDoc& doc);

/// The tokens a predicted byte span covers (any overlap), or nothing when it covers none.
bool to_token_span(const std::vector<Span>& token_bytes, Span bytes, TokenSpan& out);

/// Exact-span scores for PER and LOC plus what went wrong most often.
struct NerScore {
    Prf per, loc;
    std::map<std::string, std::size_t> confusions;  ///< "gold ORG -> predicted LOC" ...
    std::map<std::string, std::size_t> missed_loc;  ///< missed gold LOC by surface
    std::map<std::string, std::size_t> false_loc;   ///< predicted LOC not in gold, by surface
};

/// Adds one document's comparison to `score`. `tokens` (optional) names the surfaces.
void score_ner(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted, NerScore& score,
               const std::vector<std::string>* tokens = nullptr);

// ---- Reuters-21578 -------------------------------------------------------------------

/// Reuters place code -> the canonical names that count as it ("ussr" -> Soviet Union, Russia).
using PlaceCodeMap = std::map<std::string, std::vector<std::string>, std::less<>>;

/// Parses bench/eval/data/reuters-places.tsv ("code<TAB>name|name").
PlaceCodeMap parse_place_codes(std::string_view tsv);

/// Document-level place score: a gold code is found when any of its names was predicted;
/// a predicted name is a false alarm when it maps to some Reuters code but to none of
/// this story's codes (names Reuters never codes, like "Middle East", are not scored).
/// `misses` and `false_alarms` receive the codes/names for error listings.
Prf score_places(const std::vector<std::string>& gold_codes, const std::set<std::string>& predicted_names,
                 const PlaceCodeMap& codes, std::vector<std::string>* misses = nullptr,
                 std::vector<std::string>* false_alarms = nullptr);

/// "James A. Baker" -> "james-a-baker": the Reuters PEOPLE code shape.
std::string person_code(std::string_view name);

/// Document-level people score: a gold code is found when a predicted person has the
/// same code or the same surname (last hyphen part); other predicted people are false alarms.
Prf score_people(const std::vector<std::string>& gold_codes, const std::set<std::string>& predicted_codes,
                 std::vector<std::string>* misses = nullptr, std::vector<std::string>* false_alarms = nullptr);

}  // namespace newsfacet::eval
