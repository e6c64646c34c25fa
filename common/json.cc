#include "json.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "article.h"
#include "text.h"

namespace newsfacet {

void json_string(std::string& out, std::string_view raw) {
    // JSON output must be valid UTF-8 whatever a path or an id holds: invalid bytes
    // become U+FFFD.
    std::string repaired;
    std::string_view s = raw;
    if (!is_valid_utf8(raw)) {
        DecodeReport rep;
        decode_text(raw, repaired, rep);
        if (repaired.empty() && !raw.empty()) repaired = "\xEF\xBF\xBD";
        s = repaired;
    }
    out.push_back('"');
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
    for (int32_t i = 0; i < len;) {
        const unsigned char c = p[i];
        if (c >= 0x80) {
            // C1 controls and bidirectional overrides are escaped (\u009b, \u202e):
            // the same string for a JSON reader, nothing a terminal acts on for a
            // person who looks at the JSON. U+2028/U+2029 too, for JavaScript.
            const int32_t start = i;
            UChar32 cp;
            U8_NEXT(p, i, len, cp);
            if (cp >= 0 && (unsafe_for_terminal(static_cast<char32_t>(cp)) || cp == 0x2028 || cp == 0x2029)) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
                out += buf;
            } else {
                out.append(s.data() + start, static_cast<std::size_t>(i - start));
            }
            continue;
        }
        ++i;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out.push_back('"');
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_.push_back('\n');
    out_.append(first_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_.push_back(',');
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_.push_back('{');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_.push_back('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_.push_back('[');
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_.push_back(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    json_string(out_, k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    json_string(out_, s);
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    before_value();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::value(long long n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(unsigned long long n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

namespace {

struct Parser {
    std::string_view s;
    std::size_t i = 0;
    std::string error;
    int depth = 0;  // arrays inside arrays: bounded, so hostile input cannot exhaust the stack

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            ++i;
    }
    bool fail(const std::string& what) {
        if (error.empty()) error = what + " at byte " + std::to_string(i);
        return false;
    }
    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80)
            out.push_back(static_cast<char>(cp));
        else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    bool hex4(unsigned& v) {
        if (i + 4 > s.size()) return fail("truncated \\u escape");
        v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s[i++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        return true;
    }
    bool string(std::string& out) {
        if (i >= s.size() || s[i] != '"') return fail("expected a string");
        ++i;
        while (i < s.size()) {
            const char c = s[i++];
            if (c == '"') return true;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (i >= s.size()) break;
            const char e = s[i++];
            switch (e) {
                case 'n':
                    out.push_back('\n');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'u': {
                    unsigned cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        // A high surrogate needs a low one next; anything else is
                        // replaced by U+FFFD and the next escape is read on its own.
                        unsigned lo = 0;
                        if (i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                            const std::size_t save = i;
                            i += 2;
                            if (!hex4(lo)) return false;
                            if (lo >= 0xDC00 && lo <= 0xDFFF)
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            else {
                                cp = 0xFFFD;
                                i = save;
                            }
                        } else {
                            cp = 0xFFFD;
                        }
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        cp = 0xFFFD;
                    }
                    put_utf8(out, cp);
                    break;
                }
                default:
                    out.push_back(e);
            }
        }
        return fail("unterminated string");
    }
    bool scalar(std::string& out) {
        const std::size_t b = i;
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\t' &&
               s[i] != '\r' && s[i] != '\n')
            ++i;
        if (i == b) return fail("expected a value");
        out.assign(s.substr(b, i - b));
        if (out == "null") out.clear();
        return true;
    }
    bool value(std::string& out) {
        ws();
        if (i >= s.size()) return fail("expected a value");
        if (s[i] == '"') return string(out);
        if (s[i] == '[') {
            if (++depth > 8) return fail("arrays nested too deeply");
            ++i;
            ws();
            if (i < s.size() && s[i] == ']') {
                ++i;
                --depth;
                return true;
            }
            while (true) {
                std::string v;
                if (!value(v)) return false;
                if (!out.empty()) out.push_back('\n');
                out += v;
                ws();
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == ']') {
                    ++i;
                    --depth;
                    return true;
                }
                return fail("expected , or ]");
            }
        }
        if (s[i] == '{') return fail("nested objects are not supported");
        return scalar(out);
    }
};

}  // namespace

std::optional<std::map<std::string, std::string>> parse_flat_json_object(std::string_view line, std::string& error) {
    Parser p{line, 0, {}};
    std::map<std::string, std::string> out;
    p.ws();
    if (p.i >= line.size() || line[p.i] != '{') {
        error = "expected a JSON object";
        return std::nullopt;
    }
    ++p.i;
    p.ws();
    if (p.i < line.size() && line[p.i] == '}') return out;
    while (true) {
        p.ws();
        std::string k, v;
        if (!p.string(k)) break;
        p.ws();
        if (p.i >= line.size() || line[p.i] != ':') {
            p.fail("expected :");
            break;
        }
        ++p.i;
        if (!p.value(v)) break;
        out[k] = std::move(v);
        p.ws();
        if (p.i < line.size() && line[p.i] == ',') {
            ++p.i;
            continue;
        }
        if (p.i < line.size() && line[p.i] == '}') return out;
        p.fail("expected , or }");
        break;
    }
    error = p.error;
    return std::nullopt;
}

}  // namespace newsfacet
