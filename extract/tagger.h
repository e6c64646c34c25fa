// The statistical entity recogniser: an averaged-perceptron sequence tagger over BIO
// tags (people, places, organisations, other names), decoded with Viterbi. Its
// features are word shape, affixes, capitalisation context, sentence position,
// neighbouring words, gazetteer membership and the name lists (data/names-*.tsv); its
// weights are the embedded data/ner-model.bin, trained by `newsfacet-eval train-ner`
// (see docs/eval.md). The tagger decides *what kind* of name a span is; people.cc
// still canonicalises and merges names and places.cc resolves places.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extraction.h"
#include "tokens.h"

namespace newsfacet {

/// What the tagger says a name is.
enum class EntityKind : std::uint8_t { person, location, organisation, misc };

/// One tagged name: its byte span in the text and its kind.
struct TaggedEntity {
    Span span;
    EntityKind kind = EntityKind::misc;
};

/// Names in `text` as the embedded model tags them, in text order; empty when the
/// binary carries no model.
std::vector<TaggedEntity> tag_entities(std::string_view text);
/// tag_entities over the article's token layer (tokens.h), built once by extract().
std::vector<TaggedEntity> tag_entities(const TokenLayer& layer);

namespace ner {

/// The tag set: O, then B- and I- for each kind in EntityKind order.
constexpr int kTags = 9;
/// "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC".
std::string_view tag_name(int tag);
/// The index of a tag name; IOB1/IOB2 "B-X" and "I-X" both accepted; -1 when unknown.
int tag_index(std::string_view name);

/// A token of the tagger: a byte range, and the line (paragraph) it is on.
struct Tok {
    std::uint32_t begin = 0, end = 0;
    std::uint32_t line = 0;
};

/// Splits text the way CoNLL-2003 is tokenised: words keep inner hyphens, periods of
/// abbreviations ("U.S.", "Corp.") and apostrophes; other punctuation, and a
/// possessive 's, are tokens of their own.
std::vector<Tok> tokenize(std::string_view text);
/// The same tokens, as the tagger's view of the text's token layer (tokens.h).
std::vector<Tok> tokenize(const TokenLayer& layer);

/// The features of every token of one text, as 32-bit hashes: token i's features are
/// feats[offsets[i] .. offsets[i+1]).
struct Features {
    std::vector<std::uint32_t> feats;
    std::vector<std::uint32_t> offsets;
};

/// Computes the features of `toks` (from tokenize(text)).
Features extract_features(std::string_view text, const std::vector<Tok>& toks);

/// Token ranges [begin, end) that are tagged as one sequence (a line of text).
std::vector<std::pair<std::size_t, std::size_t>> sequences(const std::vector<Tok>& toks);

/// Best tag sequence for tokens [0, n) given emission scores em[i * kTags + t] and
/// transition scores trans[(prev + 1) * kTags + t] (row 0: sequence start). Invalid
/// BIO moves (O -> I-X, B-X -> I-Y) are never chosen.
void viterbi(const float* em, std::size_t n, const float* trans, int* out);

/// The model file's binary payload follows a text header of '#' lines ended by this line.
inline constexpr std::string_view kHeaderEnd = "#end\n";
/// The payload's first bytes.
inline constexpr std::string_view kMagic = "NFNER001";

/// Writes a model file: `header` (lines starting with '#', without the end marker), then
/// the payload: transitions as floats, and per feature its hash and int8 weights times
/// `scale`. `weights` holds kTags floats per feature, in the order of `hashes`.
std::string write_model(std::string_view header, const std::vector<std::uint32_t>& hashes,
                        const std::vector<float>& weights, const std::vector<float>& trans);

/// A loaded model: feature hash -> kTags weights, and the transitions.
class Model {
  public:
    /// Parses a model file (the bytes of data/ner-model.bin); an invalid file gives an
    /// empty model, which tags nothing.
    explicit Model(std::string_view file);
    /// The embedded model, loaded on first use.
    static const Model& instance();
    bool empty() const { return size_ == 0; }
    /// Number of features.
    std::size_t size() const { return size_; }
    /// Adds the weights of `feats` to em[0 .. kTags).
    void score(const std::uint32_t* feats, std::size_t n, float* em) const;
    const float* transitions() const { return trans_.data(); }
    /// Tags tokens with their features; tags[i] is a tag index.
    std::vector<int> tag(const std::vector<Tok>& toks, const Features& f) const;

  private:
    struct alignas(16) Slot {
        std::uint32_t hash = 0;  // 0: empty
        std::int8_t w[kTags] = {};
    };
    std::vector<Slot> slots_;   // open addressing, linear probing
    std::vector<float> trans_;  // (kTags + 1) * kTags
    float scale_ = 1.0f;
    std::uint32_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace ner
}  // namespace newsfacet
