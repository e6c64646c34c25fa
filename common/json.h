// A small JSON writer (for --format json) and the reader of JSON Lines members.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace newsfacet {

/// Appends a JSON string literal (quoted, escaped) for UTF-8 text.
void json_string(std::string& out, std::string_view s);

/// Streaming JSON writer with commas and nesting handled; pretty or compact.
class JsonWriter {
  public:
    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    /// Writes a key inside an object; the next call writes its value.
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(double d);
    JsonWriter& value(long long n);
    JsonWriter& value(unsigned long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(unsigned n) { return value(static_cast<unsigned long long>(n)); }
    JsonWriter& value(unsigned long n) { return value(static_cast<unsigned long long>(n)); }
    JsonWriter& value(long n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    /// key(k).value(v)
    template <typename T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    /// The document so far.
    const std::string& str() const { return out_; }

  private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool pretty_;
    bool after_key_ = false;
};

/// The members named in `keys` of the JSON object on one line (JSON Lines, read with
/// nlohmann-json), each as a string: a string as it is, a number as written,
/// true/false, null as empty, an array's elements joined by '\n'. Other members are
/// skipped whatever they hold. Lenient where real files are (docs/input.md): invalid
/// UTF-8 bytes are kept as they are (for the caller to repair and report), a lone
/// surrogate escape is U+FFFD, a raw control character in a string is kept. The error
/// says what is wrong and at which byte when the line is not one JSON object, nests
/// deeper than 64 levels, or a wanted member holds an object.
Result<std::map<std::string, std::string>> parse_json_members(std::string_view line,
                                                              std::initializer_list<std::string_view> keys);

}  // namespace newsfacet
