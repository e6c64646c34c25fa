#include "spelling.h"

#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

bool word_byte(char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '_' ||
           u >= 0x80;
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
        std::string s;
        try {
            s = db.get_spelling_suggestion(word, 2);
        } catch (const Xapian::UnimplementedError&) {
            // A backend without spelling data: no suggestion.
        }
        if (s.empty() || s == word) continue;
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
