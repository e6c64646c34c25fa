// Sharded databases: newsfacet-index --shards N --db DIR writes N glass databases
// DIR/shard-0 ... DIR/shard-<N-1> in parallel, one thread each (extraction, document
// building and Xapian writes), and DIR/XAPIANDB, a Xapian stub listing them, which is
// what every reader opens: Xapian searches the shards as one database, with the
// collection statistics of all of them, so rankings are those of one database.
//
// An article goes to the shard chosen by a hash of its source (shard_of; the source
// is its unique key, docs/input.md), so re-indexing a source replaces its article in
// the same shard, whatever order the inputs come in.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article.h"

namespace newsfacet {

/// The first line of the stub newsfacet-index writes into a sharded directory.
inline constexpr std::string_view kShardStubHeader = "# newsfacet stub";

/// FNV-1a 64: a fixed, fast hash of bytes (shard routing, the tie-break value).
std::uint64_t fnv1a64(std::string_view s);

/// The shard (0 .. n-1) an article belongs to: FNV-1a 64 of its source, modulo n.
std::size_t shard_of(std::string_view source, std::size_t n);

/// The number of shards of a directory written by `newsfacet-index --shards`; 0 when
/// `dir` is not one (missing, a plain database, or a stub newsfacet did not write).
std::size_t sharded_count(const std::string& dir);

/// The shard databases of `dir` (DIR/shard-K).
std::string shard_path(const std::string& dir, std::size_t k);

/// What a sharded run wrote.
struct ShardTotals {
    std::size_t added = 0, replaced = 0;
    Xapian::doccount documents = 0;  ///< documents in all shards after the run
    /// Articles written with an id another source's article has (id, source, the other
    /// source): in the same shard, or one the run added in another shard.
    std::vector<std::array<std::string, 3>> duplicates;
};

/// Writes articles into the shards of `dir` (created with `n` shards when new; an
/// existing one must have `n`), one thread per shard. Throws Failure when the
/// directory is a plain database or has another number of shards, or a shard is
/// locked or of another schema version.
class ShardedWriter {
  public:
    /// `batch`: commit each shard after this many of its articles.
    ShardedWriter(const std::string& dir, std::size_t n, std::size_t batch);
    ~ShardedWriter();
    ShardedWriter(const ShardedWriter&) = delete;
    ShardedWriter& operator=(const ShardedWriter&) = delete;
    /// The shards' databases, for deletes before the first put().
    std::vector<Xapian::WritableDatabase*> databases();
    /// Hands an article to its shard's thread (waits while that shard's queue is full);
    /// rethrows a shard thread's error.
    void put(Article&& a);
    /// Articles written so far (all shards).
    std::size_t written() const;
    /// Commits every shard, joins the threads and returns the totals; rethrows the
    /// first error of a shard thread.
    ShardTotals finish();

  private:
    struct Shard;
    /// After the run: articles it added whose id an article of another shard has.
    void cross_shard_duplicates(std::vector<std::array<std::string, 3>>& out);
    std::vector<std::unique_ptr<Shard>> shards_;
    bool finished_ = false;
};

}  // namespace newsfacet
