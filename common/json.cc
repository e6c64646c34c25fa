#include "json.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

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
                // All of these are in the BMP: four hex digits (the buffer fits any
                // code point, which GCC's -Wformat-truncation cannot know).
                char buf[16];
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

// nlohmann's lexer is strict where JSON Lines written by real tools are not, and the
// reader has always been lenient there (docs/input.md): invalid UTF-8 is repaired
// later, with a warning, like in a text file; a lone surrogate escape is U+FFFD; a raw
// control character inside a string is kept. So before parsing, a line's invalid
// bytes become code points U+10FF80..U+10FFFF (one per byte, put back in the strings
// read), lone surrogate escapes become \ufffd and raw control characters inside
// strings become \u00XX escapes. `grown` records where the line grew, to give error
// positions in the original bytes.
constexpr char32_t kByteMarker = 0x10FF00;  // + the byte, 0x80..0xFF

void put_utf8(std::string& out, char32_t cp) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, static_cast<UChar32>(cp));
    out.append(buf, static_cast<std::size_t>(n));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of a \uXXXX escape at s[i] (the backslash), or -1.
long escape_at(std::string_view s, std::size_t i) {
    if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
    long v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = hex_value(s[k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

struct LenientLine {
    std::string text;
    bool markers = false;                                    // invalid bytes were marked
    std::vector<std::pair<std::size_t, std::size_t>> grown;  // (position in text, bytes added)

    std::size_t original_offset(std::size_t pos) const {
        std::size_t off = pos;
        for (const auto& [at, added] : grown)
            if (at < pos) off -= std::min(added, off);
        return off;
    }
};

// True when the line holds a code point of the marker range itself (U+10FF80 and up,
// raw or as an escape): its invalid bytes cannot be marked without ambiguity.
bool holds_marker_range(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '\xF4' && s[i + 1] == '\x8F') return true;
        if (s[i] == '\\' && escape_at(s, i) == 0xDBFF) return true;
    }
    return false;
}

LenientLine make_lenient(std::string_view s) {
    LenientLine out;
    out.text.reserve(s.size() + 16);
    const bool valid = is_valid_utf8(s);
    // Invalid bytes in a line that also holds the markers' own range (never seen in
    // practice) become U+FFFD here rather than later: the text is the same, only the
    // warning is lost.
    out.markers = !valid && !holds_marker_range(s);
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
    bool in_string = false;
    for (int32_t i = 0; i < len;) {
        const char c = s[static_cast<std::size_t>(i)];
        const auto at = static_cast<std::size_t>(i);
        if (static_cast<unsigned char>(c) >= 0x80) {
            UChar32 cp;
            const int32_t start = i;
            U8_NEXT(p, i, len, cp);
            if (cp >= 0) {
                out.text.append(s.data() + start, static_cast<std::size_t>(i - start));
                continue;
            }
            for (int32_t k = start; k < i; ++k) {
                const std::size_t before = out.text.size();
                put_utf8(out.text, out.markers ? kByteMarker + p[k] : 0xFFFD);
                out.grown.emplace_back(before, out.text.size() - before - 1);
            }
            continue;
        }
        ++i;
        if (!in_string) {
            in_string = c == '"';
            out.text.push_back(c);
            continue;
        }
        if (c == '"') {
            in_string = false;
            out.text.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out.text += buf;
            out.grown.emplace_back(at, 5);
        } else if (c != '\\') {
            out.text.push_back(c);
        } else if (const long u = escape_at(s, at); u >= 0xD800 && u <= 0xDFFF) {
            const long lo = u < 0xDC00 ? escape_at(s, at + 6) : -1;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                out.text.append(s.substr(at, 12));
                i += 11;
            } else {
                out.text += "\\ufffd";  // as long as the escape it replaces
                i += 5;
            }
        } else if (i < len) {
            // Any other escape is copied whole, so that \" does not end the string.
            out.text.push_back(c);
            out.text.push_back(s[static_cast<std::size_t>(i++)]);
        } else {
            out.text.push_back(c);
        }
    }
    return out;
}

// Whether a line needs make_lenient: invalid UTF-8, a control character, or what may be
// a surrogate escape. Most lines need none of it and are parsed as they are, uncopied.
bool needs_leniency(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20) return true;
        if (c == '\\' && i + 2 < s.size() && s[i + 1] == 'u' && (s[i + 2] == 'd' || s[i + 2] == 'D')) return true;
    }
    return !is_valid_utf8(s);
}

// The marked bytes of a string read back as they were.
std::string unmark(std::string s, bool markers) {
    if (!markers || s.find('\xF4') == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
    for (int32_t i = 0; i < len;) {
        const int32_t start = i;
        UChar32 cp;
        U8_NEXT(p, i, len, cp);
        if (cp >= static_cast<UChar32>(kByteMarker + 0x80) && cp <= static_cast<UChar32>(kByteMarker + 0xFF))
            out.push_back(static_cast<char>(cp - static_cast<UChar32>(kByteMarker)));
        else
            out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
    return out;
}

constexpr int kMaxDepth = 64;

// Reads the wanted members of one object as strings; everything else is skipped.
class MemberReader : public nlohmann::json_sax<nlohmann::json> {
  public:
    MemberReader(std::initializer_list<std::string_view> keys, const LenientLine& line) : keys_(keys), line_(line) {}
    std::map<std::string, std::string> members;
    std::string error;

    bool null() override { return put(""); }
    bool boolean(bool b) override { return put(b ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return put(std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(std::to_string(v)); }
    bool number_float(number_float_t, const string_t& written) override { return put(written); }
    bool string(string_t& s) override { return put(unmark(std::move(s), line_.markers)); }
    bool binary(binary_t&) override { return fail("binary value"); }
    bool key(string_t& k) override {
        if (depth_ == 1) {
            key_ = unmark(std::move(k), line_.markers);
            wanted_ = std::find(keys_.begin(), keys_.end(), key_) != keys_.end();
        }
        return true;
    }
    bool start_object(std::size_t) override {
        if (depth_ > 0 && wanted_) return fail("member \"" + key_ + "\" holds an object, expected text");
        return open();
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 0) return fail("expected a JSON object, found an array");
        if (wanted_) arrays_.emplace_back();
        return open();
    }
    bool end_array() override {
        --depth_;
        if (!wanted_) return true;
        std::string v = std::move(arrays_.back());
        arrays_.pop_back();
        return put(std::move(v));
    }
    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& ex) override {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
        // error while parsing value - invalid literal; last read: 'nul'" becomes
        // "at byte 4: invalid literal", the position in the line's own bytes.
        std::string what = ex.what();
        const std::size_t dash = what.find(" - ");
        if (dash != std::string::npos) what.erase(0, dash + 3);
        // The token read can be the rest of the line (an unterminated string).
        const std::size_t last = what.find("; last read:");
        if (last != std::string::npos) what.erase(last);
        return fail("at byte " + std::to_string(line_.original_offset(byte > 0 ? byte - 1 : 0)) + ": " + what);
    }

  private:
    bool open() {
        if (++depth_ > kMaxDepth)
            return fail("arrays or objects nested more than " + std::to_string(kMaxDepth) + " deep");
        return true;
    }
    bool put(std::string v) {
        if (depth_ == 0) return fail("expected a JSON object");
        if (!wanted_) return true;
        if (arrays_.empty()) {
            members[key_] = std::move(v);
        } else {
            // An array's elements joined by '\n' (nested arrays flattened).
            std::string& a = arrays_.back();
            if (!a.empty()) a.push_back('\n');
            a += v;
        }
        return true;
    }
    bool fail(const std::string& what) {
        if (error.empty()) error = what;
        return false;
    }
    std::initializer_list<std::string_view> keys_;
    const LenientLine& line_;
    int depth_ = 0;
    std::string key_;
    bool wanted_ = false;
    std::vector<std::string> arrays_;
};

}  // namespace

Result<std::map<std::string, std::string>> parse_json_members(std::string_view line,
                                                              std::initializer_list<std::string_view> keys) {
    // nlohmann skips a BOM at the start of its input; the caller skips only the one
    // that opens a file (docs/input.md).
    if (line.starts_with("\xEF\xBB\xBF"))
        return Error{kExitUsage, "expected a JSON object, found a byte order mark", {}};
    const bool plain = !needs_leniency(line);
    const LenientLine lenient = plain ? LenientLine{} : make_lenient(line);
    const std::string_view text = plain ? line : std::string_view(lenient.text);
    MemberReader reader(keys, lenient);
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &reader)) {
        if (reader.error.empty()) reader.error = "not JSON";
        return Error{kExitUsage, reader.error, {}};
    }
    return std::move(reader.members);
}

}  // namespace newsfacet
