#include "literal.h"

#include <unicode/uchar.h>

#include <vector>

#include "schema.h"
#include "spelling.h"
#include "text.h"
#include "utf8.h"

namespace newsfacet {
namespace {

bool is_blank_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string to_hex(std::string_view s) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() * 2);
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(digits[u >> 4]);
        out.push_back(digits[u & 15]);
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The bytes of a hex string; false when it is not one.
bool from_hex(std::string_view hex, std::string& out) {
    if (hex.size() % 2) return false;
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return true;
}

// The indexer's words of `word`, without the joined forms of hyphenated compounds
// (they sit at their last part's position; a phrase of the parts finds them).
std::vector<std::string> index_words(std::string_view word) {
    std::vector<std::string> out;
    tokenize(word, [&](const Token& t) {
        if (!t.joined && !t.term.empty()) out.push_back(t.term);
    });
    return out;
}

// QueryParser (STEM_SOME) stems a word whose first letter is lower case or caseless,
// as Xapian's should_stem does; the indexer writes stems of words not starting with
// a digit.
bool stemmed_as_typed(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<UChar32>(next_code_point(word, i));
        if (!u_isalnum(c)) continue;  // an invalid byte is U+FFFD, no letter either
        const int8_t t = u_charType(c);
        return t == U_LOWERCASE_LETTER || t == U_TITLECASE_LETTER || t == U_MODIFIER_LETTER || t == U_OTHER_LETTER;
    }
    return false;
}

/// The processor of one reserved field: decodes the word and builds its query.
class LiteralProc : public Xapian::FieldProcessor {
  public:
    explicit LiteralProc(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override {
        std::string word;
        if (!from_hex(value, word)) return Xapian::Query::MatchNothing;
        return literal_query(word, prefix_);
    }

  private:
    std::string prefix_;
};

}  // namespace

bool needs_literal(std::string_view word) {
    bool plain = true;
    for (const char c : word)
        plain = plain && is_ascii_alnum(c);
    if (plain) return false;
    const std::vector<std::string> words = index_words(word);
    // What QueryParser makes of the word on its own, term by term in position order.
    thread_local Xapian::QueryParser qp = [] {
        Xapian::QueryParser p;
        p.set_stemmer(Xapian::Stem("english"));
        p.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        return p;
    }();
    Xapian::Query parsed;
    try {
        parsed = qp.parse_query(std::string(word), Xapian::QueryParser::FLAG_PHRASE);
    } catch (const Xapian::Error&) {
        return !words.empty();
    }
    std::size_t i = 0;
    for (Xapian::TermIterator t = parsed.get_terms_begin(); t != parsed.get_terms_end(); ++t, ++i) {
        const std::string& term = *t;
        if (i >= words.size()) return true;
        if (term != words[i] && term != std::string(kStemPrefix) + stem(words[i])) return true;
    }
    return i != words.size();
}

namespace {

// A phrase's words need the indexer's tokenizer when one of them does.
bool phrase_needs_literal(std::string_view inner) {
    std::size_t i = 0;
    while (i < inner.size()) {
        std::size_t e = i;
        while (e < inner.size() && !is_blank_byte(inner[e]))
            ++e;
        if (e > i && needs_literal(inner.substr(i, e - i))) return true;
        i = e + 1;
    }
    return false;
}

void append_literal(std::string& out, std::string_view field, std::string_view text) {
    out.append(field);
    out.push_back(':');
    out += to_hex(text);
}

}  // namespace

namespace {

bool is_near_operator(std::string_view w) {
    return w == "NEAR" || w == "ADJ" || w.starts_with("NEAR/") || w.starts_with("ADJ/");
}

// The blank-separated chunk of `query` starting at or after `from`, without leading
// brackets.
std::string_view chunk_after(std::string_view query, std::size_t from) {
    while (from < query.size() && (is_blank_byte(query[from]) || query[from] == '('))
        ++from;
    std::size_t e = from;
    while (e < query.size() && !is_blank_byte(query[e]))
        ++e;
    return query.substr(from, e - from);
}

}  // namespace

std::string protect_literals(std::string_view query) {
    std::string out;
    out.reserve(query.size());
    std::size_t i = 0;
    // The words around NEAR and ADJ stay as typed: Xapian takes only single terms there,
    // and a word the indexer splits (S&P) would be a phrase.
    bool after_near = false;
    while (i < query.size()) {
        if (is_blank_byte(query[i])) {
            out.push_back(query[i++]);
            continue;
        }
        // Grouping and love/hate in front stay as typed.
        std::size_t b = i;
        while (b < query.size() && (query[b] == '(' || query[b] == '+' || query[b] == '-'))
            ++b;
        if (b < query.size() && query[b] == '"') {
            after_near = false;
            // A phrase (check_syntax saw its closing quote): the phrase of the
            // indexer's words when one of its words needs them, else QueryParser's.
            const std::size_t close = query.find('"', b + 1);
            const std::size_t end = close == std::string_view::npos ? query.size() : close + 1;
            out.append(query.substr(i, b - i));
            if (close != std::string_view::npos && phrase_needs_literal(query.substr(b + 1, close - b - 1)))
                append_literal(out, kLiteralField, query.substr(b, end - b));
            else
                out.append(query.substr(b, end - b));
            i = end;
            continue;
        }
        std::size_t e = i;
        while (e < query.size() && !is_blank_byte(query[e]))
            ++e;
        if (const std::size_t quote = query.substr(i, e - i).find('"'); quote != std::string_view::npos) {
            after_near = false;
            // A field's phrase (speaker:"John Smith", title:"a b"): the field's business.
            const std::size_t close = query.find('"', i + quote + 1);
            const std::size_t end = close == std::string_view::npos ? query.size() : close + 1;
            out.append(query.substr(i, end - i));
            i = end;
            continue;
        }
        const std::string_view chunk = query.substr(i, e - i);
        b -= i;
        i = e;
        std::size_t t = chunk.size();
        while (t > b && chunk[t - 1] == ')')
            --t;
        std::string_view core = chunk.substr(b, t - b);
        std::string_view field = kLiteralField;
        const bool syntax = core.empty() || core.back() == '*' || core.find_first_of("()") != std::string_view::npos ||
                            is_operator_word(core) || core.starts_with("NEAR/") || core.starts_with("ADJ/");
        const std::size_t colon = core.find(':');
        const bool near_operand = after_near || is_near_operator(chunk_after(query, e));
        after_near = is_near_operator(core);
        bool keep = syntax || near_operand;
        if (!keep && colon != std::string_view::npos) {
            // A field (letters before the colon) is its processor's business, or
            // QueryParser's for an unknown name; title: words are protected as words.
            bool letters = colon > 0;
            for (std::size_t k = 0; k < colon; ++k)
                letters = letters && ((core[k] >= 'a' && core[k] <= 'z') || (core[k] >= 'A' && core[k] <= 'Z'));
            if (letters && core.substr(0, colon) == "title" && colon + 1 < core.size() &&
                core.find(':', colon + 1) == std::string_view::npos) {
                core = core.substr(colon + 1);
                field = kLiteralTitleField;
            } else if (letters) {
                keep = true;
            }
        }
        if (keep || !needs_literal(core)) {
            out.append(chunk);
            continue;
        }
        out.append(chunk.substr(0, b));
        append_literal(out, field, core);
        out.append(chunk.substr(t));
    }
    return out;
}

Xapian::Query literal_query(std::string_view word, const std::string& prefix) {
    const std::vector<std::string> words = index_words(word);
    if (words.empty()) return Xapian::Query::MatchNothing;
    if (words.size() == 1) {
        const std::string& w = words.front();
        // A quoted phrase of one word is not stemmed (QueryParser's rule too).
        if (word.front() != '"' && stemmed_as_typed(word) && (w[0] < '0' || w[0] > '9'))
            return Xapian::Query(safe_term(std::string(kStemPrefix) + prefix + stem(w)));
        return Xapian::Query(safe_term(prefix + w));
    }
    std::vector<Xapian::Query> terms;
    for (const std::string& w : words)
        terms.emplace_back(safe_term(prefix + w));
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
}

void add_literal_processors(Xapian::QueryParser& qp, const std::string& kind_prefix) {
    qp.add_prefix(std::string(kLiteralField), (new LiteralProc(kind_prefix))->release());
    qp.add_prefix(std::string(kLiteralTitleField),
                  (new LiteralProc(kind_prefix + std::string(prefix("title"))))->release());
}

}  // namespace newsfacet
