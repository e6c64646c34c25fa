// A small JSON writer (for --format json) and a reader for flat JSON Lines objects.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// A flat JSON object's members as strings (numbers as written, true/false, null as
/// empty). Arrays of strings are joined by '\n'. Returns nullopt and sets `error` when
/// the line is not a JSON object.
std::optional<std::map<std::string, std::string>> parse_flat_json_object(std::string_view line, std::string& error);

}  // namespace newsfacet
