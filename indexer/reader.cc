#include "reader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "json.h"
#include "reuters.h"
#include "text.h"

namespace fs = std::filesystem;

namespace newsfacet {
namespace {

using Problem = std::function<void(const std::string&, const InputOutcome&)>;

// Reads at most max_bytes from a stream; false (with `error`) when there was more.
bool read_bounded(std::istream& in, std::size_t max_bytes, std::string& out, std::string& error) {
    out.clear();
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, static_cast<std::size_t>(in.gcount()));
        if (out.size() > max_bytes) {
            error = "too large (over " + std::to_string(max_bytes) + " bytes, the limit)";
            out.clear();
            return false;
        }
    }
    if (in.bad()) {
        error = "read error";
        return false;
    }
    return true;
}

bool read_file(const std::string& path, std::size_t max_bytes, std::string& out, std::string& error) {
    std::error_code ec;
    // Devices, FIFOs and the like are not articles (and /dev/zero never ends).
    if (!fs::is_regular_file(path, ec)) {
        error = "not a regular file";
        return false;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        error = "too large (" + std::to_string(size) + " bytes, the limit is " + std::to_string(max_bytes) + ")";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read";
        return false;
    }
    return read_bounded(in, max_bytes, out, error);
}

// std::getline with a bound: a longer line is consumed and reported as too long.
bool getline_bounded(std::istream& in, std::string& line, std::size_t max_bytes, bool& too_long) {
    line.clear();
    too_long = false;
    std::streambuf* sb = in.rdbuf();
    bool any = false;
    for (int c = sb->sbumpc(); c != std::char_traits<char>::eof(); c = sb->sbumpc()) {
        any = true;
        if (c == '\n') return true;
        if (line.size() >= max_bytes)
            too_long = true;
        else
            line.push_back(static_cast<char>(c));
    }
    if (too_long) line.clear();
    return any;
}

std::string fnv_hex(std::string_view s) {
    unsigned long long h = 1469598103934665603ull;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", h);
    return buf;
}

// Decodes and splits raw text into an article; reports empty/binary/invalid bytes.
bool make_article(Article& a, std::string_view raw, const std::string& where, const Problem& on_problem) {
    DecodeReport rep;
    const RejectReason why = decode_text(raw, a.text, rep);
    if (why == RejectReason::empty) {
        on_problem(where, {InputOutcome::Status::skipped, "empty file, skipped"});
        return false;
    }
    if (why == RejectReason::binary) {
        on_problem(where, {InputOutcome::Status::skipped, "binary file (NUL or control bytes), skipped"});
        return false;
    }
    if (rep.invalid_bytes > 0)
        on_problem(where,
                   {InputOutcome::Status::ok, "not valid UTF-8: " + std::to_string(rep.invalid_bytes) +
                                                  " invalid byte(s) replaced by U+FFFD, the first at byte offset " +
                                                  std::to_string(rep.first_invalid_offset)});
    split_article(a);
    return true;
}

void read_jsonl(const std::string& path, std::istream& in, const ReadOptions& opts,
                const std::function<void(Article&)>& on_article, const Problem& on_problem) {
    std::string line;
    std::size_t lineno = 0;
    bool too_long = false;
    while (getline_bounded(in, line, opts.max_bytes, too_long)) {
        ++lineno;
        const std::string where = path + ":" + std::to_string(lineno);
        if (too_long) {
            on_problem(where, {InputOutcome::Status::skipped,
                               "line longer than " + std::to_string(opts.max_bytes) + " bytes, skipped"});
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string err;
        auto obj = parse_flat_json_object(line, err);
        if (!obj) {
            on_problem(where, {InputOutcome::Status::skipped, "not a JSON object (" + err + "), skipped"});
            continue;
        }
        auto get = [&](const char* k) -> std::string {
            auto it = obj->find(k);
            return it == obj->end() ? std::string() : it->second;
        };
        Article a;
        a.id = get("id");
        if (a.id.empty()) a.id = id_from_path(path) + "-" + std::to_string(lineno);
        a.path = where;
        const std::string title = get("title"), body = get("body").empty() ? get("text") : get("body");
        const std::string raw = title.empty() ? body : title + "\n\n" + body;
        if (!make_article(a, raw, where, on_problem)) continue;
        if (!title.empty()) {
            // The title is given: trust it over the heuristic (it is the text's first
            // line, so it went through the same UTF-8 repair as the body).
            a.title = a.text.substr(0, a.text.find('\n'));
            a.title_from_text = false;
            a.title_span = Span{0, 0};
            a.body_begin =
                std::min(a.text.size(), a.text.find('\n') == std::string::npos ? a.text.size() : a.text.find('\n') + 1);
        }
        const std::string date = get("date").empty() ? get("published") : get("date");
        if (!date.empty()) {
            auto pd = parse_partial_date(date.substr(0, std::min<std::size_t>(10, date.size())));
            if (pd && pd->granularity == Granularity::day) {
                a.published = pd->ymd;
                a.published_source = "jsonl";
            } else {
                on_problem(where, {InputOutcome::Status::ok,
                                   "date \"" + date + "\" is not YYYY-MM-DD; publication date unknown"});
            }
        }
        if (!a.published && opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        on_article(a);
    }
}

// Reuters-21578 SGML: every <REUTERS> story is an article with the id
// "reuters-NEWID", its whole text (title, dateline, body) and its <DATE>.
void read_sgml(const std::string& path, const ReadOptions& opts, const std::function<void(Article&)>& on_article,
               const Problem& on_problem) {
    std::string raw, err;
    if (!read_file(path, opts.max_bytes, raw, err)) {
        on_problem(path, {InputOutcome::Status::skipped, err + ", skipped"});
        return;
    }
    // The corpus is Latin-1; a file that is valid UTF-8 is taken as such.
    const std::vector<ReutersStory> stories = parse_reuters_sgml(is_valid_utf8(raw) ? raw : latin1_to_utf8(raw));
    if (stories.empty()) {
        on_problem(path, {InputOutcome::Status::skipped, "no <REUTERS> stories, skipped"});
        return;
    }
    for (const ReutersStory& st : stories) {
        const std::string where = path + "#" + st.newid;
        Article a;
        a.id = "reuters-" + st.newid;
        a.path = where;
        if (!make_article(a, st.text(), where, on_problem)) continue;
        if (st.date) {
            a.published = st.date;
            a.published_source = "reuters <DATE>";
        } else if (opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        on_article(a);
    }
}

}  // namespace

std::string id_from_path(const std::string& path) {
    std::string stem = fs::path(path).stem().string();
    return stem.empty() ? fnv_hex(path) : stem;
}

std::string id_in_directory(const std::string& dir, const fs::path& file) {
    // Files directly in the directory keep their stem (seeds/000_x.txt -> 000_x);
    // files in sub-directories keep the sub-path, so business/001.txt and
    // sport/001.txt are two articles, not one replacing the other.
    fs::path rel = file.lexically_relative(dir);
    if (rel.empty() || rel.native().starts_with("..")) return id_from_path(file.string());
    rel.replace_extension();
    return rel.generic_string();
}

void Manifest::load_dir(const std::string& dir, std::vector<std::string>& warnings) {
    for (const auto& d : loaded_)
        if (d == dir) return;
    loaded_.push_back(dir);
    const std::string path = (fs::path(dir) / "manifest.tsv").string();
    std::ifstream in(path);
    if (!in) return;
    std::string line;
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
        if (t1 == std::string::npos) {
            warnings.push_back(path + ":" + std::to_string(lineno) + ": expected FILE<TAB>YYYY-MM-DD");
            continue;
        }
        if (line.substr(0, t1) == "file") continue;  // a header row
        const std::string date = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
        auto pd = parse_partial_date(date);
        if (!pd || pd->granularity != Granularity::day) {
            warnings.push_back(path + ":" + std::to_string(lineno) + ": \"" + date + "\" is not a date YYYY-MM-DD");
            continue;
        }
        dates_[(fs::path(dir) / line.substr(0, t1)).lexically_normal().string()] = pd->ymd;
    }
}

std::optional<Ymd> Manifest::find(const std::string& file) const {
    auto it = dates_.find(fs::path(file).lexically_normal().string());
    if (it == dates_.end()) return std::nullopt;
    return it->second;
}

void read_inputs(const std::vector<std::string>& inputs, const ReadOptions& opts,
                 const std::function<void(Article&)>& on_article, const Problem& on_problem) {
    Manifest manifest;
    std::vector<std::string> warnings;
    auto flush_warnings = [&]() {
        for (const auto& w : warnings)
            on_problem("manifest", {InputOutcome::Status::ok, w});
        warnings.clear();
    };
    auto handle_file = [&](const fs::path& p, const std::string& id) {
        const std::string path = p.string();
        manifest.load_dir(p.parent_path().empty() ? "." : p.parent_path().string(), warnings);
        flush_warnings();
        if (p.extension() == ".jsonl") {
            std::ifstream in(path, std::ios::binary);
            if (!in) {
                on_problem(path, {InputOutcome::Status::failed, "cannot read"});
                return;
            }
            read_jsonl(path, in, opts, on_article, on_problem);
            return;
        }
        if (p.extension() == ".sgm") {
            read_sgml(path, opts, on_article, on_problem);
            return;
        }
        std::string raw, err;
        if (!read_file(path, opts.max_bytes, raw, err)) {
            on_problem(path, {InputOutcome::Status::skipped, err + ", skipped"});
            return;
        }
        Article a;
        a.id = id;
        a.path = path;
        if (!make_article(a, raw, path, on_problem)) return;
        if (auto d = manifest.find(path)) {
            a.published = d;
            a.published_source = "manifest";
        } else if (opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        on_article(a);
    };
    for (const std::string& in : inputs) {
        if (in == "-") {
            std::string raw, err;
            if (!read_bounded(std::cin, opts.max_bytes, raw, err)) {
                on_problem("-", {InputOutcome::Status::skipped, err + ", skipped"});
                continue;
            }
            Article a;
            a.id = "stdin-" + fnv_hex(raw).substr(0, 12);
            a.path = "-";
            if (!make_article(a, raw, "-", on_problem)) continue;
            if (opts.published) {
                a.published = opts.published;
                a.published_source = "--published";
            }
            on_article(a);
            continue;
        }
        std::error_code ec;
        const fs::file_status st = fs::status(in, ec);
        if (ec || !fs::exists(st)) {
            on_problem(in, {InputOutcome::Status::failed, "no such file or directory"});
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<fs::path> files;
            for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec)) {
                const fs::path& p = it->path();
                const std::string name = p.filename().string();
                if (name.starts_with(".")) {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file() &&
                    (p.extension() == ".txt" || p.extension() == ".jsonl" || p.extension() == ".sgm"))
                    files.push_back(p);
            }
            if (ec) on_problem(in, {InputOutcome::Status::failed, "cannot list: " + ec.message()});
            std::sort(files.begin(), files.end());
            for (const auto& f : files)
                handle_file(f, id_in_directory(in, f));
        } else {
            handle_file(fs::path(in), id_from_path(in));
        }
    }
}

}  // namespace newsfacet
