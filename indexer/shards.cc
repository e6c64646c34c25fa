#include "shards.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "database.h"
#include "docrecord.h"
#include "document.h"
#include "error.h"
#include "extract.h"
#include "schema.h"

namespace newsfacet {
namespace {

bool exists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0;
}

bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Articles queued per shard: enough to keep a shard busy while the reader serves the
// others, few enough that memory stays flat.
constexpr std::size_t kQueueCapacity = 32;

}  // namespace

std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::size_t shard_of(std::string_view source, std::size_t n) {
    return n == 0 ? 0 : static_cast<std::size_t>(fnv1a64(source) % n);
}

std::string shard_path(const std::string& dir, std::size_t k) {
    return dir + "/shard-" + std::to_string(k);
}

std::size_t sharded_count(const std::string& dir) {
    std::ifstream in(dir + "/XAPIANDB");
    if (!in) return 0;
    std::string line;
    if (!std::getline(in, line) || line.rfind(std::string(kShardStubHeader), 0) != 0) return 0;
    std::size_t n = 0;
    while (std::getline(in, line))
        if (line.rfind("glass shard-", 0) == 0) ++n;
    return n;
}

struct ShardedWriter::Shard {
    std::string path;
    Xapian::WritableDatabase db;
    std::vector<Xapian::docid> written_ids;  ///< the document ids of the articles written, in order
    std::size_t batch = 1;
    std::mutex m;
    std::condition_variable can_put, can_get;
    std::deque<Article> queue;
    bool closed = false, stopped = false;
    std::exception_ptr error;
    std::atomic<std::size_t> written{0};
    std::size_t added = 0, replaced = 0;
    std::vector<std::array<std::string, 3>> duplicates;
    std::thread thread;

    void run() {
        try {
            std::size_t pending = 0;
            SpellingBatch spelling;  // flushed before every commit
            for (;;) {
                Article a;
                {
                    std::unique_lock<std::mutex> lk(m);
                    can_get.wait(lk, [&] { return !queue.empty() || closed || stopped; });
                    if (stopped || queue.empty()) break;
                    a = std::move(queue.front());
                    queue.pop_front();
                    can_put.notify_one();
                }
                const ArticleDocuments docs = build_documents(a, extract(a));
                const WriteOutcome w = write_article(db, docs, &spelling);
                ++(w.replaced ? replaced : added);
                written_ids.push_back(w.docid);
                if (!w.duplicate_of.empty()) duplicates.push_back({docs.id, docs.source_name, w.duplicate_of});
                ++written;
                if (++pending >= batch) {
                    spelling.flush(db);
                    db.commit_transaction();
                    db.begin_transaction();
                    pending = 0;
                }
            }
            std::lock_guard<std::mutex> lk(m);
            if (!stopped) {
                spelling.flush(db);
                db.commit_transaction();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lk(m);
            error = std::current_exception();
            stopped = true;
            queue.clear();
            can_put.notify_all();
        }
    }
};

ShardedWriter::ShardedWriter(const std::string& dir, std::size_t n, std::size_t batch) {
    const std::size_t have = sharded_count(dir);
    if (have == 0 && exists(dir) && (!is_dir(dir) || exists(dir + "/iamglass") || exists(dir + "/XAPIANDB")))
        throw Failure({kExitUsage, dir + " is not a sharded newsfacet database; --shards writes a new directory",
                       "index into a new directory, or drop --shards to add to " + dir});
    if (have != 0 && have != n)
        throw Failure({kExitUsage,
                       dir + " has " + std::to_string(have) + " shards, not " + std::to_string(n) +
                           " (an article's shard depends on the number of shards)",
                       "keep --shards " + std::to_string(have) + ", or re-index everything into a new directory"});
    if (!exists(dir) && ::mkdir(dir.c_str(), 0777) != 0)
        throw Failure({kExitRuntime, "cannot create directory " + dir, ""});
    for (std::size_t k = 0; k < n; ++k) {
        auto s = std::make_unique<Shard>();
        s->path = shard_path(dir, k);
        s->db = open_for_writing(s->path);
        s->batch = batch;
        // As in one database: every batch is a transaction, so a failed run leaves each
        // shard at its last commit.
        s->db.begin_transaction();
        s->db.set_metadata(std::string(kSchemaKey), std::to_string(kSchemaVersion));
        shards_.push_back(std::move(s));
    }
    if (have == 0) {
        // The stub last, once every shard exists: written to a temporary file and
        // renamed, so that a reader never sees half of it.
        const std::string tmp = dir + "/XAPIANDB.tmp";
        {
            std::ofstream out(tmp);
            out << kShardStubHeader << ": " << n << " shards written by newsfacet-index --shards " << n
                << "; articles are routed by a hash of their source, so do not edit\n";
            for (std::size_t k = 0; k < n; ++k)
                out << "glass shard-" << k << "\n";
            if (!out.flush()) throw Failure({kExitRuntime, "cannot write " + tmp, ""});
        }
        if (std::rename(tmp.c_str(), (dir + "/XAPIANDB").c_str()) != 0)
            throw Failure({kExitRuntime, "cannot write " + dir + "/XAPIANDB", ""});
    }
}

ShardedWriter::~ShardedWriter() {
    // Not finished (an error): stop the threads without committing; each shard's open
    // transaction is cancelled when its database closes.
    for (auto& s : shards_) {
        {
            std::lock_guard<std::mutex> lk(s->m);
            s->stopped = true;
        }
        s->can_get.notify_all();
        s->can_put.notify_all();
    }
    for (auto& s : shards_)
        if (s->thread.joinable()) s->thread.join();
}

std::vector<Xapian::WritableDatabase*> ShardedWriter::databases() {
    // Deletes look in every shard (an id or a file's records can be in any), before
    // the threads start.
    std::vector<Xapian::WritableDatabase*> dbs;
    for (auto& s : shards_)
        dbs.push_back(&s->db);
    return dbs;
}

void ShardedWriter::put(Article&& a) {
    Shard& s = *shards_[shard_of(a.source.empty() ? a.id : a.source, shards_.size())];
    if (!s.thread.joinable()) s.thread = std::thread([&s] { s.run(); });
    std::unique_lock<std::mutex> lk(s.m);
    s.can_put.wait(lk, [&] { return s.queue.size() < kQueueCapacity || s.stopped; });
    if (s.error) std::rethrow_exception(s.error);
    s.queue.push_back(std::move(a));
    s.can_get.notify_one();
}

std::size_t ShardedWriter::written() const {
    std::size_t n = 0;
    for (const auto& s : shards_)
        n += s->written.load(std::memory_order_relaxed);
    return n;
}

ShardTotals ShardedWriter::finish() {
    for (auto& s : shards_) {
        if (!s->thread.joinable()) s->thread = std::thread([p = s.get()] { p->run(); });
        {
            std::lock_guard<std::mutex> lk(s->m);
            s->closed = true;
        }
        s->can_get.notify_all();
    }
    for (auto& s : shards_)
        s->thread.join();
    for (auto& s : shards_)
        if (s->error) std::rethrow_exception(s->error);
    ShardTotals t;
    for (auto& s : shards_) {
        t.added += s->added;
        t.replaced += s->replaced;
        t.duplicates.insert(t.duplicates.end(), s->duplicates.begin(), s->duplicates.end());
        t.documents += s->db.get_doccount();
    }
    cross_shard_duplicates(t.duplicates);
    finished_ = true;
    return t;
}

void ShardedWriter::cross_shard_duplicates(std::vector<std::array<std::string, 3>>& out) {
    // Each thread saw the ids of its own shard only. The articles this run wrote are
    // looked up in the other shards; of two articles both written now, the one in the
    // later shard is reported, so that a pair is reported once, as in one database.
    for (auto& s : shards_)
        std::sort(s->written_ids.begin(), s->written_ids.end());
    auto written = [&](std::size_t j, Xapian::docid d) {
        return std::binary_search(shards_[j]->written_ids.begin(), shards_[j]->written_ids.end(), d);
    };
    const std::string id_prefix(prefix("id"));
    for (std::size_t k = 0; k < shards_.size(); ++k) {
        Xapian::WritableDatabase& db = shards_[k]->db;
        std::set<std::string> reported;  // by the shard's thread
        for (const auto& d : shards_[k]->duplicates)
            reported.insert(d[1]);
        Xapian::docid previous = 0;
        for (const Xapian::docid did : shards_[k]->written_ids) {
            if (did == previous) continue;  // written twice (given twice)
            previous = did;
            Xapian::Document doc;
            try {
                doc = db.get_document(did);
            } catch (const Xapian::DocNotFoundError&) {
                continue;
            }
            Xapian::TermIterator t = doc.termlist_begin();
            t.skip_to(id_prefix);
            if (t == doc.termlist_end() || !(*t).starts_with(id_prefix)) continue;
            const std::string id_term = *t;
            std::string other;
            for (std::size_t j = 0; j < shards_.size() && other.empty(); ++j) {
                if (j == k) continue;
                Xapian::WritableDatabase& o = shards_[j]->db;
                for (Xapian::PostingIterator q = o.postlist_begin(id_term); q != o.postlist_end(id_term); ++q)
                    if (j < k || !written(j, *q)) {
                        other = DocRecord::parse(o.get_document(*q).get_data()).source;
                        if (other.empty()) other = "another article";
                        break;
                    }
            }
            if (other.empty()) continue;
            const DocRecord mine = DocRecord::parse(doc.get_data());
            if (!reported.contains(mine.source)) out.push_back({mine.id, mine.source, other});
        }
    }
}

}  // namespace newsfacet
