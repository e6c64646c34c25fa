#include "spelling.h"

#include <utility>

#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

bool word_byte(char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '_' ||
           u >= 0x80;
}

// The run of the query around a word up to a blank, a quote or a parenthesis: the
// word and what joins it to its neighbours ("CSRA.S" around "CSRA").
std::pair<std::size_t, std::size_t> joined_run(std::string_view q, const QueryWord& qw) {
    auto bound = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '(' || c == ')'; };
    std::size_t b = qw.begin, e = qw.end;
    while (b > 0 && !bound(q[b - 1]))
        --b;
    while (e < q.size() && !bound(q[e]))
        ++e;
    return {b, e};
}

// True when the indexer's tokenizer makes of `run` a held word that contains `word`:
// "CSRA" in "CSRA.S" (held as csra.s) is found, not misspelt.
bool held_as_part(const Xapian::Database& db, std::string_view run, const std::string& word, const std::string& kp) {
    bool held = false;
    tokenize(run, [&](const Token& t) {
        held = held || (!t.joined && t.term.size() > word.size() && t.term.find(word) != std::string::npos &&
                        db.term_exists(kp + t.term));
    });
    return held;
}

}  // namespace

bool is_operator_word(std::string_view w) {
    for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (w == op) return true;
    return false;
}

std::vector<QueryWord> correctable_words(std::string_view q) {
    std::vector<QueryWord> out;
    std::size_t i = 0;
    while (i < q.size()) {
        if (!word_byte(q[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < q.size() && word_byte(q[e]))
            ++e;
        const std::string_view w = q.substr(i, e - i);
        if (e < q.size() && q[e] == ':') {
            // A field name: a known field's value is the field's business (quoted or
            // up to a blank or ')'); an unknown one's words are searched as words.
            const Field* f = find_field(w);
            std::size_t v = e + 1;
            if (f && f->kind != FieldKind::internal) {
                if (v < q.size() && q[v] == '"') {
                    const std::size_t close = q.find('"', v + 1);
                    v = close == std::string_view::npos ? q.size() : close + 1;
                } else {
                    while (v < q.size() && q[v] != ' ' && q[v] != '\t' && q[v] != ')')
                        ++v;
                }
            }
            i = v;
            continue;
        }
        i = e;
        if (e < q.size() && q[e] == '*') continue;
        if (is_operator_word(w)) continue;
        bool digit = false;
        for (const char c : w)
            digit = digit || (c >= '0' && c <= '9');
        if (digit) continue;
        out.push_back({static_cast<std::size_t>(w.data() - q.data()), e});
    }
    return out;
}

std::string spelling_suggestion(const Xapian::Database& db, std::string_view query, const std::string& kp) {
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    for (const QueryWord& qw : correctable_words(query)) {
        const std::string_view typed = query.substr(qw.begin, qw.end - qw.begin);
        const std::string word = fold_word(typed);
        if (word.size() < 3) continue;
        if (db.term_exists(kp + word) || db.term_exists(std::string(kStemPrefix) + kp + stem(word))) continue;
        const auto [rb, re] = joined_run(query, qw);
        const bool part = rb < qw.begin || re > qw.end;
        if (part && held_as_part(db, query.substr(rb, re - rb), word, kp)) continue;
        std::string s;
        try {
            s = db.get_spelling_suggestion(word, 2);
        } catch (const Xapian::UnimplementedError&) {
            // A backend without spelling data: no suggestion.
        }
        // A word joined to others by dots ("csra.x") is not replaced by a dotted one.
        if (s.empty() || s == word || (part && s.find('.') != std::string::npos)) continue;
        // Keep the case the word was typed in: capitalised words are matched as written.
        if (typed[0] >= 'A' && typed[0] <= 'Z' && s[0] >= 'a' && s[0] <= 'z') {
            bool all_caps = typed.size() > 1;
            for (const char c : typed)
                all_caps = all_caps && c >= 'A' && c <= 'Z';
            for (std::size_t k = 0; k < (all_caps ? s.size() : 1); ++k)
                if (s[k] >= 'a' && s[k] <= 'z') s[k] = static_cast<char>(s[k] - 'a' + 'A');
        }
        out.append(query.substr(copied, qw.begin - copied));
        out += s;
        copied = qw.end;
        changed = true;
    }
    if (!changed) return std::string();
    out.append(query.substr(copied));
    return out;
}

}  // namespace newsfacet
