// Finding and reading input articles: files, directories, JSON Lines, stdin, and the
// publication-date manifest (docs/input.md).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.h"

namespace newsfacet {

/// Publication dates read from manifest.tsv files, keyed by the article file's path.
class Manifest {
  public:
    /// Reads DIR/manifest.tsv once (no error when there is none; one that is not a
    /// regular file, or is too large, is ignored with a warning). Lines:
    /// "FILE<TAB>YYYY-MM-DD[<TAB>anything]", '#' comments. Bad lines are reported in
    /// `warnings`.
    void load_dir(const std::string& dir, std::vector<std::string>& warnings, std::size_t max_bytes = 64u << 20);
    /// Adds the dates of a manifest's text (`path` names it in warnings; FILE names
    /// are relative to `dir`). A leading UTF-8 BOM is skipped.
    void add_text(const std::string& dir, const std::string& path, std::string_view text,
                  std::vector<std::string>& warnings);
    /// The date for an article file, if the manifest of its directory named it.
    std::optional<Ymd> find(const std::string& file) const;

  private:
    std::map<std::string, Ymd> dates_;
    std::vector<std::string> loaded_;
};

/// What happened to one input.
struct InputOutcome {
    enum class Status { ok, skipped, failed } status = Status::ok;
    std::string message;  ///< warning text for skipped/failed, or decode warnings
};

/// How far reading has got, for a progress display: read_inputs lists every input
/// before it reads the first, so the number of article files (*.txt, stdin) and the
/// bytes of the files holding many articles (*.jsonl, *.sgm) are known up front; the
/// number of articles in those is estimated from the bytes read so far. Written by the
/// reading thread, read by any other.
struct InputProgress {
    std::atomic<bool> listed{false};             ///< the totals below are final
    std::atomic<std::size_t> files{0};           ///< article files found (one article each)
    std::atomic<std::uint64_t> stream_bytes{0};  ///< bytes of *.jsonl and *.sgm found
    std::atomic<std::uint64_t> stream_bytes_read{0};
    std::atomic<std::size_t> stream_articles{0};  ///< articles decoded from them so far

    /// The articles the inputs hold: exact without JSON Lines or SGML, else an
    /// estimate (articles per byte so far times the bytes); 0 while unknown (nothing
    /// listed yet, or no byte of the many-article files read yet).
    std::size_t expected_articles(bool* estimated = nullptr) const;
};

/// The progress line newsfacet-index shows on a terminal: "indexed DONE of TOTAL
/// articles (P%), R articles/s, ETA M:SS"; "of about TOTAL" when the total is
/// estimated; without total, percentage and ETA when it is unknown (0).
std::string progress_line(std::size_t done, double seconds, std::size_t total, bool estimated);

/// Options for reading inputs.
struct ReadOptions {
    std::optional<Ymd> published;       ///< --published: used when nothing else gives a date
    std::size_t max_bytes = 64u << 20;  ///< larger inputs are skipped
    InputProgress* progress = nullptr;  ///< filled in when given
    /// Incremental indexing: asked before a file is read, with its canonical path and
    /// its stamp (file_stamp); true skips the file (its articles are indexed as it is).
    std::function<bool(const std::string& file, const std::string& stamp)> unchanged;
};

/// What an input file is, as far as its articles depend on it: its size and
/// modification time (ns), the newsfacet version, --published, and for a file of one
/// article its id (it depends on the directory the file was reached from) and its
/// manifest date. Fields joined by U+001F.
std::string file_stamp(std::uint64_t size, std::int64_t mtime_ns, const std::optional<Ymd>& published,
                       const std::string& id = {}, const std::optional<Ymd>& manifest_date = {});

/// Expands inputs (files, directories recursively for *.txt and *.jsonl, "-" for stdin)
/// and calls `on_article` for each article decoded, `on_problem` for each input
/// skipped or warned about. Returns false if an input did not exist.
void read_inputs(const std::vector<std::string>& inputs, const ReadOptions& opts,
                 const std::function<void(Article&)>& on_article,
                 const std::function<void(const std::string& where, const InputOutcome&)>& on_problem);

/// Reads bytes: up to `n` into `buf`; returns the number read, 0 at the end, -1 on an
/// error.
using ByteSource = std::function<long(char* buf, std::size_t n)>;

/// Reads JSON Lines from `source` (`path` names it in messages and ids): one article
/// per line (docs/input.md), a BOM before line 1 skipped, lines over
/// `opts.max_bytes` skipped with a warning. Each article's source is `file` (the
/// canonical path; `path` when empty), a NUL and its key: "id:ID", or "line:N" for a
/// line without an id or with an id an earlier line of the file had.
void read_jsonl(const std::string& path, const ByteSource& source, const ReadOptions& opts,
                const std::function<void(Article&)>& on_article,
                const std::function<void(const std::string& where, const InputOutcome&)>& on_problem,
                const std::string& file = {});

/// The canonical path of an input file: absolute, symbolic links and "." / ".."
/// resolved (as far as the path exists), so that one file reached by two paths
/// (bbc/business/001.txt, bbc/./business/../business/001.txt, a link) is one source.
std::string canonical_file(const std::string& path);

/// The source of one record of a file holding many articles: the file's canonical
/// path, a NUL (no path holds one) and the record's key.
std::string record_source(const std::string& file, std::string_view key);

/// The id of an article file given by name: its file name without the extension.
std::string id_from_path(const std::string& path);

/// The id of an article file found under a directory given as input: its path
/// relative to that directory without the extension ("sport/001"); the plain stem for
/// files directly in it.
std::string id_in_directory(const std::string& dir, const std::filesystem::path& file);

}  // namespace newsfacet
