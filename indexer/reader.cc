#include "reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>

#include "json.h"
#include "reuters.h"
#include "sha256.h"
#include "text.h"
#include "version.h"

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

// What kind of non-regular file a mode is, for messages.
const char* file_type_name(mode_t m) {
    if (S_ISFIFO(m)) return "a FIFO";
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    if (S_ISSOCK(m)) return "a socket";
    if (S_ISDIR(m)) return "a directory";
    return "not a file";
}

// One input file, opened for reading only if it is a regular file. Devices, FIFOs
// and sockets are not articles: /dev/zero never ends, and open() on a FIFO waits for a
// writer forever (while the indexer holds the database's write lock). So the type is
// checked with stat before opening (opening some devices has effects), the file is
// opened non-blocking, and fstat on the descriptor checks that what is read is what
// was checked.
class InputFile {
  public:
    InputFile() = default;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile() {
        if (fd_ >= 0) ::close(fd_);
    }

    /// False with a message and the errno (0 for a file of the wrong type).
    bool open(const std::string& path, std::string& error, int& err) {
        struct stat st {};
        err = 0;
        if (::stat(path.c_str(), &st) != 0) return fail(errno, error, err);
        if (!S_ISREG(st.st_mode)) {
            error = std::string("not a regular file (") + file_type_name(st.st_mode) + ")";
            return false;
        }
        fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0) return fail(errno, error, err);
        if (::fstat(fd_, &st) != 0) return fail(errno, error, err);
        if (!S_ISREG(st.st_mode)) {
            error = std::string("not a regular file (") + file_type_name(st.st_mode) + ")";
            return false;
        }
        const int flags = ::fcntl(fd_, F_GETFL);
        if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
        size_ = static_cast<std::uint64_t>(st.st_size);
        mtime_ns_ = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        return true;
    }
    std::uint64_t size() const { return size_; }
    std::int64_t mtime_ns() const { return mtime_ns_; }
    /// Up to n bytes; 0 at the end, -1 on an error.
    long read(char* buf, std::size_t n) {
        for (;;) {
            const ssize_t r = ::read(fd_, buf, n);
            if (r < 0 && errno == EINTR) continue;
            return static_cast<long>(r);
        }
    }
    /// The whole file, unless it holds more than max_bytes (it may grow while read).
    bool read_all(std::size_t max_bytes, std::string& out, std::string& error) {
        out.clear();
        if (size_ > max_bytes) {
            error = "too large (" + std::to_string(size_) + " bytes, the limit is " + std::to_string(max_bytes) + ")";
            return false;
        }
        out.reserve(static_cast<std::size_t>(size_));
        char buf[65536];
        for (long n; (n = read(buf, sizeof buf)) != 0;) {
            if (n < 0) {
                error = std::string("read error: ") + std::strerror(errno);
                return false;
            }
            out.append(buf, static_cast<std::size_t>(n));
            if (out.size() > max_bytes) {
                error = "too large (over " + std::to_string(max_bytes) + " bytes, the limit)";
                out.clear();
                return false;
            }
        }
        return true;
    }

  private:
    static bool fail(int e, std::string& error, int& err) {
        if (e == ELOOP)
            error = "a symbolic link loop";
        else if (e == ENOENT)
            error = "no such file or directory";
        else
            error = std::string("cannot read: ") + std::strerror(e);
        err = e;
        return false;
    }
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::int64_t mtime_ns_ = 0;
};

// Lines from a ByteSource, each bounded: a longer line is consumed and reported.
class LineReader {
  public:
    explicit LineReader(const ByteSource& source) : source_(source) {}
    /// The next line without its '\n'; false at the end. A line over max_bytes comes
    /// back empty with too_long set.
    bool next(std::string& line, std::size_t max_bytes, bool& too_long) {
        line.clear();
        too_long = false;
        bool any = false;
        for (;;) {
            if (pos_ == end_ && !fill()) break;
            any = true;
            const char* b = buf_ + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(b, '\n', end_ - pos_));
            const std::size_t n = nl ? static_cast<std::size_t>(nl - b) : end_ - pos_;
            if (!too_long) {
                if (line.size() + n > max_bytes) {
                    too_long = true;
                    line.clear();
                } else {
                    line.append(b, n);
                }
            }
            pos_ += n;
            if (nl) {
                ++pos_;
                return true;
            }
        }
        return any;
    }
    /// True when the source reported an error (the lines so far were read).
    bool failed() const { return failed_; }

  private:
    bool fill() {
        if (done_) return false;
        const long n = source_(buf_, sizeof buf_);
        if (n <= 0) {
            done_ = true;
            failed_ = n < 0;
            return false;
        }
        pos_ = 0;
        end_ = static_cast<std::size_t>(n);
        return true;
    }
    const ByteSource& source_;
    char buf_[65536];
    std::size_t pos_ = 0, end_ = 0;
    bool done_ = false, failed_ = false;
};

std::string fnv_hex(std::string_view s) {
    unsigned long long h = 1469598103934665603ull;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", h);
    return buf;
}

// Decodes and splits raw text into an article; reports empty/binary/invalid bytes.
// `what` is "file" or "article" (a JSON Lines line), for messages.
bool make_article(Article& a, std::string_view raw, const std::string& where, const char* what,
                  const Problem& on_problem) {
    DecodeReport rep;
    const RejectReason why = decode_text(raw, a.text, rep);
    if (why == RejectReason::empty) {
        on_problem(where, {InputOutcome::Status::skipped, std::string("empty ") + what + ", skipped"});
        return false;
    }
    if (why == RejectReason::binary) {
        on_problem(where,
                   {InputOutcome::Status::skipped, std::string("binary ") + what + " (NUL or control bytes), skipped"});
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

// Lists the *.txt and *.jsonl files under `root`, sorted; names starting with '.' are
// left out. Symbolic links to files are followed, to directories not (so no cycle can
// form). A link that loops, a broken link with an article's name and a directory that
// cannot be listed are reported and skipped: the rest is still listed.
std::vector<fs::path> list_tree(const fs::path& root, const Problem& on_problem) {
    std::vector<fs::path> files, dirs{root};
    while (!dirs.empty()) {
        const fs::path dir = std::move(dirs.back());
        dirs.pop_back();
        std::error_code ec;
        fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::path& p = it->path();
            if (p.filename().string().starts_with(".")) continue;
            std::error_code sec;
            const fs::file_status ls = it->symlink_status(sec);
            if (sec) continue;  // gone since it was listed
            if (fs::is_directory(ls)) {
                dirs.push_back(p);
                continue;
            }
            const bool article = p.extension() == ".txt" || p.extension() == ".jsonl" || p.extension() == ".sgm";
            if (fs::is_symlink(ls)) {
                const fs::file_status ts = fs::status(p, sec);
                if (sec == std::errc::too_many_symbolic_link_levels) {
                    on_problem(p.string(), {InputOutcome::Status::skipped, "a symbolic link loop, skipped"});
                    continue;
                }
                if (!article || fs::is_directory(ts)) continue;
                if (sec || !fs::exists(ts)) {
                    on_problem(p.string(), {InputOutcome::Status::skipped, "a broken symbolic link, skipped"});
                    continue;
                }
            }
            // Files that are not regular (FIFOs, devices) are refused when opened.
            if (article) files.push_back(p);
        }
        if (ec) on_problem(dir.string(), {InputOutcome::Status::failed, "cannot list: " + ec.message()});
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

void read_jsonl(const std::string& path, const ByteSource& source, const ReadOptions& opts,
                const std::function<void(Article&)>& on_article, const Problem& on_problem,
                const std::string& file_arg) {
    const std::string& file = file_arg.empty() ? path : file_arg;
    std::set<std::string> ids_seen;  // an id twice in one file: two articles, two sources
    LineReader lines(source);
    std::string line;
    std::size_t lineno = 0;
    bool too_long = false;
    while (lines.next(line, opts.max_bytes, too_long)) {
        ++lineno;
        const std::string where = path + ":" + std::to_string(lineno);
        if (too_long) {
            on_problem(where, {InputOutcome::Status::skipped,
                               "line longer than " + std::to_string(opts.max_bytes) + " bytes, skipped"});
            continue;
        }
        std::string_view text = line;
        // A BOM opens the file, not the object (editors on Windows write one).
        if (lineno == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        if (is_blank(text)) continue;
        auto obj = parse_json_members(text, {"id", "title", "body", "text", "date", "published"});
        if (!obj) {
            on_problem(where,
                       {InputOutcome::Status::skipped, "not a JSON object (" + obj.error().message + "), skipped"});
            continue;
        }
        auto get = [&](const char* k) -> std::string {
            auto it = obj->find(k);
            return it == obj->end() ? std::string() : it->second;
        };
        Article a;
        a.id = get("id");
        const bool own_id = !a.id.empty() && ids_seen.insert(a.id).second;
        if (a.id.empty()) a.id = id_from_path(path) + "-" + std::to_string(lineno);
        a.path = where;
        a.file = file;
        a.source = record_source(file, own_id ? "id:" + a.id : "line:" + std::to_string(lineno));
        a.source_name = file + ":" + std::to_string(lineno);
        const std::string title = get("title"), body = get("body").empty() ? get("text") : get("body");
        const std::string raw = title.empty() ? body : title + "\n\n" + body;
        if (!make_article(a, raw, where, "article", on_problem)) continue;
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
            // "YYYY-MM-DD…": a time may follow the day.
            if (const Result<Ymd> day = parse_day(std::string_view(date).substr(0, 10))) {
                a.published = *day;
                a.published_source = "jsonl";
            } else {
                on_problem(where, {InputOutcome::Status::ok, "date \"" + shorten_title(date, 40) +
                                                                 "\" is not YYYY-MM-DD; publication date unknown"});
            }
        }
        if (!a.published && opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        if (opts.progress) ++opts.progress->stream_articles;
        on_article(a);
    }
    if (lines.failed())
        on_problem(path + ":" + std::to_string(lineno + 1),
                   {InputOutcome::Status::failed, std::string("read error: ") + std::strerror(errno)});
}

namespace {

// Reuters-21578 SGML: every <REUTERS> story is an article with the id
// "reuters-NEWID", its whole text (title, dateline, body) and its <DATE>.
void read_sgml(const std::string& path, const std::string& file, const std::string& raw, const ReadOptions& opts,
               const std::function<void(Article&)>& on_article, const Problem& on_problem) {
    std::set<std::string> newids_seen;
    // The corpus is Latin-1; a file that is valid UTF-8 is taken as such.
    const std::vector<ReutersStory> stories = parse_reuters_sgml(is_valid_utf8(raw) ? raw : latin1_to_utf8(raw));
    if (stories.empty()) {
        on_problem(path, {InputOutcome::Status::skipped, "no <REUTERS> stories, skipped"});
        return;
    }
    for (std::size_t i = 0; i < stories.size(); ++i) {
        const ReutersStory& st = stories[i];
        // The file was read whole; its bytes count as read story by story, so the
        // progress estimate moves smoothly through it.
        if (opts.progress)
            opts.progress->stream_bytes_read +=
                raw.size() * (i + 1) / stories.size() - raw.size() * i / stories.size();
        const std::string where = path + "#" + st.newid;
        Article a;
        a.id = "reuters-" + st.newid;
        a.path = where;
        a.file = file;
        a.source = record_source(
            file, newids_seen.insert(st.newid).second ? "newid:" + st.newid : "story:" + std::to_string(i + 1));
        a.source_name = file + "#" + st.newid;
        if (!make_article(a, st.text(), where, "story", on_problem)) continue;
        if (st.date) {
            a.published = st.date;
            a.published_source = "reuters <DATE>";
        } else if (opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        if (opts.progress) ++opts.progress->stream_articles;
        on_article(a);
    }
}

bool holds_many_articles(const fs::path& p) { return p.extension() == ".jsonl" || p.extension() == ".sgm"; }

}  // namespace

std::size_t InputProgress::expected_articles(bool* estimated) const {
    if (estimated) *estimated = false;
    if (!listed) return 0;
    const std::uint64_t total = stream_bytes, read = stream_bytes_read;
    if (total == 0) return files;
    if (read == 0) return 0;
    if (estimated) *estimated = read < total;
    const double per_byte = double(stream_articles) / double(std::min(read, total));
    return files + static_cast<std::size_t>(per_byte * double(total) + 0.5);
}

std::string progress_line(std::size_t done, double seconds, std::size_t total, bool estimated) {
    const double rate = seconds > 0 ? double(done) / seconds : 0.0;
    char buf[200];
    if (total == 0) {
        std::snprintf(buf, sizeof buf, "indexed %zu article%s, %.0f articles/s", done, done == 1 ? "" : "s", rate);
        return buf;
    }
    total = std::max(total, done);  // an estimate may fall short
    // Floored, so 100% means finished.
    const unsigned percent = static_cast<unsigned>(100.0 * double(done) / double(total));
    std::string eta = "--";
    if (rate > 0) {
        const auto s = static_cast<unsigned long long>(double(total - done) / rate + 0.5);
        char t[48];
        if (s >= 3600)
            std::snprintf(t, sizeof t, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
        else
            std::snprintf(t, sizeof t, "%llu:%02llu", s / 60, s % 60);
        eta = t;
    }
    std::snprintf(buf, sizeof buf, "indexed %zu of %s%zu articles (%u%%), %.0f articles/s, ETA %s", done,
                  estimated ? "about " : "", total, percent, rate, eta.c_str());
    return buf;
}

std::string id_from_path(const std::string& path) {
    std::string stem = fs::path(path).stem().string();
    return stem.empty() ? fnv_hex(path) : stem;
}

std::string file_stamp(std::uint64_t size, std::int64_t mtime_ns, const std::optional<Ymd>& published,
                       const std::string& id, const std::optional<Ymd>& manifest_date) {
    const char sep = '\x1f';
    std::string s = std::to_string(size) + sep + std::to_string(mtime_ns) + sep + std::string(program_version()) + sep;
    if (published) s += iso_day(*published);
    s += sep;
    if (manifest_date) s += iso_day(*manifest_date);
    return s + sep + id;
}

std::string canonical_file(const std::string& path) {
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    if (ec) return fs::path(path).lexically_normal().string();
    const fs::path c = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal().string() : c.string();
}

std::string record_source(const std::string& file, std::string_view key) {
    std::string s = file;
    s.push_back('\0');
    s += key;
    return s;
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

void Manifest::load_dir(const std::string& dir, std::vector<std::string>& warnings, std::size_t max_bytes) {
    for (const auto& d : loaded_)
        if (d == dir) return;
    loaded_.push_back(dir);
    const std::string path = (fs::path(dir) / "manifest.tsv").string();
    InputFile f;
    std::string text, err;
    int e = 0;
    if (!f.open(path, err, e)) {
        if (e != ENOENT) warnings.push_back(path + ": " + err + ", ignored");
        return;
    }
    if (!f.read_all(max_bytes, text, err)) {
        warnings.push_back(path + ": " + err + ", ignored");
        return;
    }
    add_text(dir, path, text, warnings);
}

void Manifest::add_text(const std::string& dir, const std::string& path, std::string_view text,
                        std::vector<std::string>& warnings) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t lineno = 0;
    for (std::size_t p = 0; p < text.size();) {
        std::size_t e = text.find('\n', p);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(p, e - p);
        p = e + 1;
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t1 == std::string_view::npos) {
            warnings.push_back(path + ":" + std::to_string(lineno) + ": expected FILE<TAB>YYYY-MM-DD");
            continue;
        }
        if (line.substr(0, t1) == "file") continue;  // a header row
        const Result<Ymd> day =
            parse_day(line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1));
        if (!day) {
            warnings.push_back(path + ":" + std::to_string(lineno) + ": " + day.error().message);
            continue;
        }
        dates_[(fs::path(dir) / fs::path(line.substr(0, t1))).lexically_normal().string()] = *day;
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
    // Returns false when the file was skipped as unchanged.
    auto handle_file = [&](const fs::path& p, const std::string& id) {
        const std::string path = p.string();
        manifest.load_dir(p.parent_path().empty() ? "." : p.parent_path().string(), warnings);
        flush_warnings();
        InputFile f;
        std::string raw, err;
        int e = 0;
        if (!f.open(path, err, e)) {
            on_problem(path, {e ? InputOutcome::Status::failed : InputOutcome::Status::skipped, err + ", skipped"});
            return true;
        }
        const std::string file = canonical_file(path);
        const bool many = holds_many_articles(p);
        const std::optional<Ymd> manifest_date = many ? std::nullopt : manifest.find(path);
        const std::string stamp =
            file_stamp(f.size(), f.mtime_ns(), opts.published, many ? std::string() : id, manifest_date);
        if (opts.unchanged && opts.unchanged(file, stamp)) return false;
        const std::function<void(Article&)> stamped = [&](Article& a) {
            a.file_stamp = stamp;
            on_article(a);
        };
        if (p.extension() == ".jsonl") {
            read_jsonl(
                path,
                [&](char* buf, std::size_t n) {
                    const long got = f.read(buf, n);
                    if (opts.progress && got > 0) opts.progress->stream_bytes_read += std::uint64_t(got);
                    return got;
                },
                opts, stamped, on_problem, file);
            return true;
        }
        if (!f.read_all(opts.max_bytes, raw, err)) {
            on_problem(path, {InputOutcome::Status::skipped, err + ", skipped"});
            return true;
        }
        if (p.extension() == ".sgm") {
            read_sgml(path, file, raw, opts, stamped, on_problem);
            return true;
        }
        Article a;
        a.id = id;
        a.path = path;
        a.file = a.source = a.source_name = file;
        a.file_stamp = stamp;
        if (!make_article(a, raw, path, "file", on_problem)) return true;
        if (auto d = manifest.find(path)) {
            a.published = d;
            a.published_source = "manifest";
        } else if (opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        on_article(a);
        return true;
    };
    auto handle_stdin = [&]() {
        std::string raw, err;
        if (!read_bounded(std::cin, opts.max_bytes, raw, err)) {
            on_problem("-", {InputOutcome::Status::skipped, err + ", skipped"});
            return;
        }
        Article a;
        a.id = "stdin-" + fnv_hex(raw).substr(0, 12);
        a.path = "-";
        a.source = "stdin:" + sha256_hex(raw, 16);
        a.source_name = "standard input (" + a.id + ")";
        if (!make_article(a, raw, "-", "file", on_problem)) return;
        if (opts.published) {
            a.published = opts.published;
            a.published_source = "--published";
        }
        on_article(a);
    };
    // Every input is listed before the first is read, so a progress display knows
    // the total from the start.
    struct Input {
        fs::path path;
        std::string id;
        bool is_stdin = false;
        std::uint64_t bytes = 0;  // the size listed, for *.jsonl and *.sgm
    };
    std::vector<Input> listed;
    std::size_t files = 0;
    std::uint64_t stream_bytes = 0;
    auto add = [&](fs::path p, std::string id, bool is_stdin) {
        Input i{std::move(p), std::move(id), is_stdin};
        if (!is_stdin && holds_many_articles(i.path)) {
            std::error_code ec;
            const auto size = fs::file_size(i.path, ec);
            i.bytes = ec ? 0 : size;
            stream_bytes += i.bytes;
        } else {
            ++files;
        }
        listed.push_back(std::move(i));
    };
    for (const std::string& in : inputs) {
        // Anything but a directory is opened as a file, which reports what is wrong
        // with it (missing, a symbolic link loop, a FIFO ...).
        std::error_code ec;
        if (in == "-")
            add(fs::path(in), "", true);
        else if (fs::is_directory(fs::status(in, ec)))
            for (const auto& f : list_tree(in, on_problem))
                add(f, id_in_directory(in, f), false);
        else
            add(fs::path(in), id_from_path(in), false);
    }
    if (opts.progress) {
        opts.progress->files = files;
        opts.progress->stream_bytes = stream_bytes;
        opts.progress->listed = true;
    }
    std::uint64_t stream_bytes_done = 0;
    for (const Input& in : listed) {
        if (in.is_stdin) {
            handle_stdin();
            continue;
        }
        if (!handle_file(in.path, in.id)) {
            // Unchanged since indexed: out of the progress totals.
            if (opts.progress && holds_many_articles(in.path))
                opts.progress->stream_bytes -= in.bytes;
            else if (opts.progress)
                --opts.progress->files;
            continue;
        }
        if (opts.progress && holds_many_articles(in.path)) {
            // Whatever happened to the file (skipped, grown, shrunk), its listed size
            // is now read: the estimate's bytes add up to the total.
            stream_bytes_done += in.bytes;
            opts.progress->stream_bytes_read = stream_bytes_done;
        }
    }
}

}  // namespace newsfacet
