// newsfacet-index: reads articles, extracts entity facets and writes a Xapian database.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli.h"
#include "database.h"
#include "document.h"
#include "dryrun.h"
#include "error.h"
#include "extract.h"
#include "facet_columns.h"
#include "people_table.h"
#include "reader.h"
#include "schema.h"
#include "shards.h"
#include "text.h"

using namespace newsfacet;

namespace {

/// --dry-run's output: a table for a person, or one JSON object per article.
enum class DryRunFormat { text, json };

/// The options of one run (CLI11 fills it).
struct IndexOptions {
    std::string db;
    std::vector<std::string> inputs;
    std::vector<std::string> deletes;
    std::vector<std::string> delete_files;
    bool dry_run = false;
    DryRunFormat format = DryRunFormat::text;
    std::string published;
    bool quiet = false;
    std::size_t batch = 2000;
    bool pipeline = true;
    std::size_t shards = 0;
    bool force = false;
    bool prune = false;
};

void setup_index(CLI::App& app, IndexOptions& o) {
    app.description(
        "newsfacet-index: index news articles for newsfacet-query.\n"
        "Reads plain-text articles (files, directories searched recursively for *.txt, JSON Lines *.jsonl, '-' for "
        "stdin),\n"
        "extracts speakers, people, places and dates, and writes them into a Xapian database.\n"
        "Publication dates come from a manifest.tsv beside the files, a \"date\" member in JSON Lines, or "
        "--published.\n\n"
        "An article is its source: its file (by canonical path), or a record of a JSON Lines or SGML file.\n"
        "Indexing a source again replaces its article; articles of other sources with the same id are kept,\n"
        "with a warning (id: finds them all).\n\n"
        "Exit status: 0 success; 1 runtime error (database locked or unwritable, I/O); 2 usage error;\n"
        "3 some inputs were skipped (empty, binary, too large, unreadable) and the rest indexed, or a\n"
        "--delete or --delete-file deleted nothing (no such article, or an id several articles share).");
    app.add_option("INPUT", o.inputs, "Article files, directories or - for stdin");
    app.add_option("--db", o.db, "Database path (default: $NEWSFACET_DB, else ./newsfacet.db)");
    app.add_option("--delete", o.deletes,
                   "Remove the article with this id and its quotes (repeatable); an id several articles share is "
                   "refused (exit 3): use --delete-file");
    app.add_flag("--force", o.force, "Read every input again, even files unchanged since they were indexed");
    app.add_flag("--prune", o.prune,
                 "Delete the articles of files that are gone from under the input directories (without it: a note)");
    app.add_option("--delete-file", o.delete_files,
                   "Remove the articles read from this file (every record of a JSON Lines or SGML file; repeatable)");
    app.add_flag("-n,--dry-run", o.dry_run, "Analyse and print what extraction finds; write nothing");
    app.add_option("--format", o.format, "Dry-run output format")
        ->transform(choice<DryRunFormat>({{"text", DryRunFormat::text}, {"json", DryRunFormat::json}}))
        ->default_str("text");
    app.add_option("--published", o.published, "Publication date (YYYY-MM-DD) for inputs that carry none");
    app.add_flag("-q,--quiet", o.quiet, "No progress or summary on stderr");
    app.add_option("--batch", o.batch, "Commit after this many articles")
        ->check(CLI::Range(1, 10000000))
        ->capture_default_str();
    app.add_option("--shards", o.shards,
                   "Write N databases under --db DIR in parallel (one thread each) and a stub listing them; "
                   "an existing sharded DIR keeps its number")
        ->check(CLI::Range(1, 64));
    app.add_flag("!--no-pipeline", o.pipeline,
                 "Extract and write on one thread (default: extraction on a second thread)");
}

/// Extraction and document building on one thread, Xapian writes on the caller's:
/// the two halves take comparable time, so on two cores the wall time approaches the
/// larger half. Documents reach the writer in input order (a FIFO), so the database
/// is the same as a single-threaded run's. The queue is bounded: memory stays flat.
class Pipeline {
  public:
    /// Runs `produce` on a new thread; it calls put() for each article.
    template <typename Produce>
    explicit Pipeline(Produce produce)
        : thread_([this, produce]() mutable {
              try {
                  produce(*this);
              } catch (const Stopped&) {
              } catch (...) {
                  std::lock_guard<std::mutex> lk(m_);
                  error_ = std::current_exception();
              }
              std::lock_guard<std::mutex> lk(m_);
              done_ = true;
              can_get_.notify_one();
          }) {}
    ~Pipeline() { stop(); }

    /// Producer side: waits while the queue is full; throws Stopped after stop().
    void put(ArticleDocuments&& d) {
        std::unique_lock<std::mutex> lk(m_);
        can_put_.wait(lk, [&] { return queue_.size() < kCapacity || stopped_; });
        if (stopped_) throw Stopped{};
        queue_.push_back(std::move(d));
        can_get_.notify_one();
    }
    /// Consumer side: the next article's documents, or false when the producer is done
    /// (rethrowing what it threw, if anything).
    bool get(ArticleDocuments& d) {
        std::unique_lock<std::mutex> lk(m_);
        can_get_.wait(lk, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) {
            lk.unlock();
            join();
            if (error_) std::rethrow_exception(error_);
            return false;
        }
        d = std::move(queue_.front());
        queue_.pop_front();
        can_put_.notify_one();
        return true;
    }
    /// Makes the producer give up (the writer failed) and waits for it.
    void stop() {
        {
            std::lock_guard<std::mutex> lk(m_);
            stopped_ = true;
        }
        can_put_.notify_all();
        join();
    }

  private:
    struct Stopped {};
    static constexpr std::size_t kCapacity = 64;
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    std::mutex m_;
    std::condition_variable can_put_, can_get_;
    std::deque<ArticleDocuments> queue_;
    bool done_ = false, stopped_ = false;
    std::exception_ptr error_;
    std::thread thread_;  // last: started after the members it uses exist
};

/// Progress on stderr. On a terminal, one line rewritten in place (at once, then at
/// most four times a second): articles written, of how many (exact when the inputs
/// are article files, "about" when estimated from the bytes of JSON Lines or SGML
/// read so far), the percentage, the rate and the time left. Elsewhere (a pipe, a
/// log) a plain line every 10 s, as before. The summary is the caller's.
class Progress {
  public:
    Progress(bool quiet, const InputProgress& inputs)
        : quiet_(quiet), tty_(::isatty(2)), inputs_(inputs), start_(Clock::now()), last_(start_) {}
    void tick(std::size_t done) {
        if (quiet_) return;
        const auto now = Clock::now();
        const bool first = tty_ && !shown_;
        if (!first && now - last_ < (tty_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(10000)))
            return;
        last_ = now;
        show(done);
    }
    double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
    double rate(std::size_t n) const { return seconds() > 0 ? double(n) / seconds() : 0.0; }
    /// After the last article: the terminal line shows the final count, then is
    /// cleared for the summary.
    void end_line(std::size_t done) {
        if (!shown_ || !tty_ || quiet_) return;
        show(done);
        std::fprintf(stderr, "\r%*s\r", int(width_), "");
    }

  private:
    using Clock = std::chrono::steady_clock;
    void show(std::size_t done) {
        shown_ = true;
        if (!tty_) {
            std::fprintf(stderr, "indexed %zu articles, %.0f/s\n", done, rate(done));
            return;
        }
        bool estimated = false;
        const std::size_t total = inputs_.expected_articles(&estimated);
        std::string line = progress_line(done, seconds(), total, estimated);
        // A line wider than the terminal would wrap, and the carriage return would
        // then rewrite only its last row: cut it to the width (it is ASCII).
        struct winsize ws {};
        if (::ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1) {
            const std::size_t fit = ws.ws_col - 1u;
            if (line.size() > fit) line.resize(fit);
            width_ = std::min(width_, fit);
        }
        // Blanks over the rest of a longer previous line: no escape sequences, so a
        // dumb terminal shows it right too.
        const std::size_t pad = width_ > line.size() ? width_ - line.size() : 0;
        width_ = std::max(width_, line.size());
        std::fprintf(stderr, "\r%s%*s", terminal_safe(line).c_str(), int(pad), "");
        std::fflush(stderr);
    }
    bool quiet_, tty_;
    const InputProgress& inputs_;
    Clock::time_point start_, last_;
    bool shown_ = false;
    std::size_t width_ = 0;
};

/// Runs --delete and --delete-file on `dbs` (one database, or every shard): an id
/// that no article or several articles have deletes nothing, with a warning or an
/// error naming the sources. Returns the articles deleted; `failed` counts the
/// options that deleted nothing.
std::size_t run_deletes(const IndexOptions& o, const std::vector<Xapian::WritableDatabase*>& dbs, std::size_t& failed) {
    std::size_t deleted = 0;
    for (const std::string& id : o.deletes) {
        const DeleteOutcome d = delete_id(dbs, id);
        deleted += d.deleted;
        if (d.deleted) continue;
        ++failed;
        if (d.sources.empty()) {
            print_message("newsfacet-index", "warning", "--delete " + id + ": no such article");
            continue;
        }
        constexpr std::size_t kListed = 5;
        std::string list;
        for (std::size_t i = 0; i < d.sources.size() && i < kListed; ++i)
            list += (i ? "; " : "") + d.sources[i];
        if (d.sources.size() > kListed) list += "; ...";
        print_error("newsfacet-index", {kExitPartial,
                                        "--delete " + id + ": " + std::to_string(d.sources.size()) +
                                            " articles have this id (" + list + "); none deleted",
                                        "delete one by its file: newsfacet-index --delete-file FILE"});
    }
    for (const std::string& f : o.delete_files) {
        const std::string path = canonical_file(f);
        const DeleteOutcome d = delete_file(dbs, path);
        deleted += d.deleted;
        if (d.deleted) continue;
        ++failed;
        print_message("newsfacet-index", "warning", "--delete-file " + f + ": no article from " + path);
    }
    return deleted;
}

/// Articles indexed with an id another source's article has: both are kept, and the
/// first few are named on stderr (a tree of same-named files can give hundreds).
class DuplicateIds {
  public:
    void add(const std::string& id, const std::string& source, const std::string& other) {
        if (++count_ <= kShown)
            print_message("newsfacet-index", "warning",
                          "id \"" + id + "\" of " + source + " is also the id of " + other + "; both kept (id:" + id +
                              " finds both; docs/input.md)");
    }
    /// After the run: how many were not named.
    void finish() const {
        if (count_ > kShown)
            print_message("newsfacet-index", "warning",
                          std::to_string(count_ - kShown) + " more articles have an id another source's article has");
    }
    std::size_t count() const { return count_; }

  private:
    static constexpr std::size_t kShown = 10;
    std::size_t count_ = 0;
};

/// Incremental re-indexing (docs/input.md): a file whose stamp (size, modification
/// time, id, date inputs, version) is the one its articles were indexed with is not
/// read again (unless --force); articles whose file is gone from under an input
/// directory are reported, or with --prune deleted.
class Incremental {
  public:
    Incremental(const IndexOptions& o, const std::vector<Xapian::WritableDatabase*>& dbs)
        : force_(o.force), files_(o.inputs.empty() ? std::map<std::string, IndexedFile>{} : indexed_files(dbs)) {}

    /// For ReadOptions::unchanged: reads only the snapshot taken before the run, so
    /// the reading thread may call it while the writer writes.
    bool unchanged(const std::string& file, const std::string& stamp) {
        const auto it = files_.find(file);
        if (force_ || it == files_.end() || it->second.stamp.empty() || it->second.stamp != stamp) {
            if (it != files_.end()) read_again_.emplace_back(file, stamp);
            return false;
        }
        ++unchanged_;
        return true;
    }

    /// After the run (the reading thread done): deletes the articles that files read
    /// again no longer hold (records gone from a JSON Lines file). Returns how many.
    std::size_t drop_stale(const std::vector<Xapian::WritableDatabase*>& dbs) const {
        std::size_t deleted = 0;
        for (const auto& [file, stamp] : read_again_)
            deleted += delete_stale(dbs, file, stamp);
        return deleted;
    }
    std::size_t unchanged_files() const { return unchanged_; }

    /// The files of indexed articles under an input directory that no longer exist:
    /// deleted with --prune (returns the articles deleted), else named in a note.
    std::size_t gone(const IndexOptions& o, const std::vector<Xapian::WritableDatabase*>& dbs) const {
        std::vector<std::string> dirs;
        for (const std::string& in : o.inputs) {
            std::error_code ec;
            if (in != "-" && std::filesystem::is_directory(in, ec)) dirs.push_back(canonical_file(in) + "/");
        }
        std::size_t files = 0, articles = 0, deleted = 0;
        std::string example;
        for (const auto& [path, f] : files_) {
            std::error_code ec;
            const bool under = std::any_of(dirs.begin(), dirs.end(),
                                           [&](const std::string& d) { return path.compare(0, d.size(), d) == 0; });
            if (!under || std::filesystem::exists(std::filesystem::symlink_status(path, ec))) continue;
            if (ec && ec != std::errc::no_such_file_or_directory) continue;  // cannot tell: keep it
            ++files;
            articles += f.articles;
            if (example.empty()) example = path;
            if (o.prune) deleted += delete_file(dbs, path).deleted;
        }
        if (files && !o.prune)
            print_message("newsfacet-index", "note",
                          std::to_string(articles) + " indexed article(s) of " + std::to_string(files) +
                              " file(s) gone from the input directories (" + example + (files > 1 ? ", ..." : "") +
                              "): newsfacet-index --prune DIR deletes them");
        return deleted;
    }

  private:
    bool force_;
    std::map<std::string, IndexedFile> files_;
    std::size_t unchanged_ = 0;
    std::vector<std::pair<std::string, std::string>> read_again_;  // files known before, read again: stamps
};

/// The counts of a run, for its summary line.
struct RunCounts {
    std::size_t added, replaced, skipped, deleted, duplicates, unchanged;
};

/// The summary line on stderr: "newsfacet-index: N indexed (...) ...; database HOLDS".
void print_summary(const RunCounts& c, const Progress& progress, const std::string& holds) {
    const std::size_t n = c.added + c.replaced;
    char counts[256];
    std::snprintf(counts, sizeof counts,
                  "%zu indexed (%zu new, %zu replaced), %zu skipped, %zu deleted, %zu with a duplicate id, %zu "
                  "files unchanged in %.2f s (%.0f articles/s); ",
                  n, c.added, c.replaced, c.skipped, c.deleted, c.duplicates, c.unchanged, progress.seconds(),
                  progress.rate(n));
    // The path is the user's: it goes through the terminal filter with the rest.
    const std::string summary = "newsfacet-index: " + std::string(counts) + "database " + holds;
    std::fputs((terminal_safe(summary) + "\n").c_str(), stderr);
}

int run_index(const IndexOptions& o) {
    ReadOptions ro;
    if (!o.published.empty()) {
        const Result<Ymd> day = parse_day(o.published);
        if (!day) {
            print_error("newsfacet-index", {kExitUsage, "--published: " + day.error().message, ""});
            return kExitUsage;
        }
        ro.published = *day;
    }
    if (o.inputs.empty() && o.deletes.empty() && o.delete_files.empty()) {
        print_error("newsfacet-index", {kExitUsage, "no input given", "try: newsfacet-index seeds/   (or --help)"});
        return kExitUsage;
    }
    std::size_t skipped = 0, failed = 0, warned = 0;
    auto on_problem = [&](const std::string& where, const InputOutcome& out) {
        if (out.status == InputOutcome::Status::skipped) ++skipped;
        if (out.status == InputOutcome::Status::failed) ++failed;
        if (out.status == InputOutcome::Status::ok) ++warned;
        // A warning for an input indexed with a problem or skipped (the message says
        // "skipped"), an error for one that could not be read at all; the last two
        // lead to exit status 3.
        print_message("newsfacet-index", out.status == InputOutcome::Status::failed ? "error" : "warning",
                      where + ": " + out.message);
    };

    if (o.dry_run) {
        read_inputs(
            o.inputs, ro, [&](Article& a) { print_dry_run(a, extract(a), o.format == DryRunFormat::json, std::cout); },
            on_problem);
        std::cout.flush();
        return (skipped || failed) ? kExitPartial : kExitOk;
    }

    InputProgress input_progress;
    ro.progress = &input_progress;
    const std::string path = resolve_db_path(o.db);
    if (const std::size_t have = sharded_count(path); o.shards > 0 || have > 0) {
        // Sharded: the reader routes each article to its shard's thread, which extracts,
        // builds and writes it.
        ShardedWriter writer(path, o.shards > 0 ? o.shards : have, o.batch);
        std::size_t not_deleted = 0;
        std::size_t deleted = run_deletes(o, writer.databases(), not_deleted);
        Incremental incremental(o, writer.databases());
        deleted += incremental.gone(o, writer.databases());
        ro.unchanged = [&](const std::string& f, const std::string& s) { return incremental.unchanged(f, s); };
        Progress progress(o.quiet, *ro.progress);
        read_inputs(
            o.inputs, ro,
            [&](Article& a) {
                writer.put(std::move(a));
                progress.tick(writer.written());
            },
            on_problem);
        ShardTotals t = writer.finish();
        if (const std::size_t stale = incremental.drop_stale(writer.databases())) {
            deleted += stale;
            t.documents = 0;
            for (Xapian::WritableDatabase* db : writer.databases()) {
                db->commit();
                t.documents += db->get_doccount();
            }
        }
        progress.end_line(t.added + t.replaced);
        DuplicateIds duplicates;
        for (const auto& [id, source, other] : t.duplicates)
            duplicates.add(id, source, other);
        duplicates.finish();
        if (!o.quiet)
            print_summary(
                {t.added, t.replaced, skipped + failed, deleted, duplicates.count(), incremental.unchanged_files()},
                progress,
                path + " holds " + std::to_string(t.documents) + " documents in " +
                    std::to_string(o.shards > 0 ? o.shards : have) + " shards");
        return (skipped || failed || not_deleted) ? kExitPartial : kExitOk;
    }
    std::string note;
    Xapian::WritableDatabase db = open_for_writing(path, &note);
    if (!note.empty()) std::fprintf(stderr, "newsfacet-index: note: %s\n", note.c_str());
    // Every batch is a transaction: if anything throws, the database's destructor
    // cancels the open one, so a failed run leaves the database at its last commit
    // (without a transaction, the destructor would commit the half-done batch).
    db.begin_transaction();
    db.set_metadata(std::string(kSchemaKey), std::to_string(kSchemaVersion));
    std::size_t added = 0, replaced = 0, not_found = 0, pending = 0;
    SpellingBatch spelling;  // flushed before every commit
    std::size_t deleted = run_deletes(o, {&db}, not_found);
    Incremental incremental(o, {&db});
    deleted += incremental.gone(o, {&db});
    ro.unchanged = [&](const std::string& f, const std::string& s) { return incremental.unchanged(f, s); };
    DuplicateIds duplicates;
    Progress progress(o.quiet, *ro.progress);
    auto write = [&](const ArticleDocuments& docs) {
        const WriteOutcome w = write_article(db, docs, &spelling);
        if (w.replaced)
            ++replaced;
        else
            ++added;
        if (!w.duplicate_of.empty()) duplicates.add(docs.id, docs.source_name, w.duplicate_of);
        if (++pending >= o.batch) {
            spelling.flush(db);
            db.commit_transaction();
            db.begin_transaction();
            pending = 0;
        }
        progress.tick(added + replaced);
    };
    if (o.pipeline) {
        // on_problem runs on the producer thread only; its counters are read after
        // the producer has finished (get() returned false, which joins it).
        Pipeline pipe([&](Pipeline& p) {
            read_inputs(
                o.inputs, ro, [&](Article& a) { p.put(build_documents(a, extract(a))); }, on_problem);
        });
        ArticleDocuments docs;
        while (pipe.get(docs))
            write(docs);
    } else {
        read_inputs(
            o.inputs, ro, [&](Article& a) { write(build_documents(a, extract(a))); }, on_problem);
    }
    // The collection's people tables, from the index as it is now (after deletes too):
    // once per run, as rebuilding them costs time in the number of names, not in the
    // batch (a reader between two batches builds its own from the terms).
    deleted += incremental.drop_stale({&db});
    store_people_tables(db);
    spelling.flush(db);
    // The facet columns of the database as this commit leaves it, in the same commit
    // (common/facet_columns.h); the batches' commits above leave them stale, unused.
    store_facet_columns(db);
    db.commit_transaction();
    progress.end_line(added + replaced);
    duplicates.finish();
    if (!o.quiet)
        print_summary(
            {added, replaced, skipped + failed, deleted, duplicates.count(), incremental.unchanged_files()}, progress,
            path + " holds " + std::to_string(db.get_termfreq(value_terms(field("type"), "article").at(0))) +
                " articles and " +
                std::to_string(db.get_termfreq(value_terms(field("type"), "quote", kQuotePrefix).at(0))) + " quotes");
    return (skipped || failed || not_found) ? kExitPartial : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app;
    IndexOptions o;
    setup_index(app, o);
    add_version_flag(app, "newsfacet-index");
    return run_command(
        app, argc, argv, "newsfacet-index", [&] { return run_index(o); }, [&] { return resolve_db_path(o.db); });
}
