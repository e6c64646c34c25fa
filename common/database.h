// Opening newsfacet databases: the default path, what may be opened, the
// schema-version check, and retrying reads that a writer's commit overtook.
//
// The contract of open_database (everything that opens a database goes through it):
//  - A newsfacet database is a local glass directory, opened with
//    Xapian::DB_BACKEND_GLASS: Xapian never looks for a stub there, so neither a
//    regular file given as --db (or the default ./newsfacet.db) nor a XAPIANDB file
//    inside a --db directory is ever read as a list of databases.
//  - A stub (a list of shards) is read only when asked for: a directory whose XAPIANDB
//    starts with the line kStubMarker (written by newsfacet itself), or a file when
//    the caller passes OpenMode::stub_file (an explicit command-line option).
//    newsfacet parses the stub itself: "glass PATH" and "auto PATH" lines name local
//    glass directories (relative to the stub; never another stub), "remote HOST:PORT"
//    a xapian-tcpsrv. "remote :PROG ARGS" would run PROG: refused unless the
//    environment says NEWSFACET_ALLOW_PROG_REMOTE=1. Anything else is refused.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>

namespace newsfacet {

/// The first line of a stub newsfacet writes (a directory's XAPIANDB listing shards).
inline constexpr std::string_view kStubMarker = "# newsfacet stub";

/// Environment variable that allows "remote :PROG" stub lines (they run PROG).
inline constexpr const char* kAllowProgRemoteEnv = "NEWSFACET_ALLOW_PROG_REMOTE";

/// The database path: --db if given, else $NEWSFACET_DB, else ./newsfacet.db.
std::string resolve_db_path(const std::string& from_option);

/// What a path given for reading may be.
enum class OpenMode {
    local,      ///< a glass directory, or a directory holding a stub marked kStubMarker
    stub_file,  ///< also a stub file (the user asked for one explicitly)
};

/// Opens a database read-only under the contract above, without the schema check.
/// Throws Failure (exit 1) naming the path and the cause (but see open_for_reading).
Xapian::Database open_database(const std::string& path, OpenMode mode = OpenMode::local);

/// Opens a database for searching (open_database, then the schema check); throws
/// Failure (exit 1) when it is missing, not a newsfacet database, of another schema
/// version or locked. DatabaseModifiedError and DatabaseCorruptError pass through
/// unchanged, for read_database to tell a race with a writer from real damage.
Xapian::Database open_for_reading(const std::string& path, OpenMode mode = OpenMode::local);

/// Opens (creating if needed) a local glass database for writing; throws Failure when
/// it is of another schema version, locked or not a database. A directory left by a
/// run killed before its first commit (no glass version file, or only files glass
/// writes before one) is created afresh, and `note` (if given) says so.
Xapian::WritableDatabase open_for_writing(const std::string& path, std::string* note = nullptr);

/// Identifies a database version (uuid, revision, last document id, document count),
/// for caches that live as long as a process; empty when it cannot (a sharded database
/// has no single revision). A committed change moves the revision; an uncommitted
/// replace_document in the same process would not, so a program that searches a
/// WritableDatabase it is modifying must commit first (newsfacet's binaries never
/// search while writing).
std::string database_version(const Xapian::Database& db);

/// How many times a read is tried in all when writers' commits keep overtaking it.
inline constexpr int kReadAttempts = 10;

/// Opens `path` for reading (open_for_reading) and returns `read(db)`. A writer's
/// commit can overtake a reader: glass then throws DatabaseModifiedError ("call
/// reopen() and retry"), or, when the reader meets a block the writer has just
/// reused, DatabaseCorruptError. Either way the database is opened afresh at its
/// newest revision and `read` runs again, after a short pause, up to kReadAttempts
/// times in all; corruption is retried only while the revision keeps moving, so a
/// really corrupt database is reported at once. The user never sees the race.
template <typename Read>
auto read_database(const std::string& path, OpenMode mode, Read&& read)
    -> decltype(read(std::declval<Xapian::Database&>()));

namespace detail {
/// The revision of a single glass database, or 0 (a stub of several shards).
Xapian::rev revision_of(const Xapian::Database& db);
/// Whether the database at `path` is now at another revision than `rev` (true when
/// that cannot be told).
bool revision_moved(const std::string& path, Xapian::rev rev);
/// Waits a little longer after each failed attempt.
void pause_before_retry(int attempt);
[[noreturn]] void throw_modified_too_often(int attempts);
}  // namespace detail

template <typename Read>
auto read_database(const std::string& path, OpenMode mode, Read&& read)
    -> decltype(read(std::declval<Xapian::Database&>())) {
    for (int attempt = 1;; ++attempt) {
        Xapian::rev rev = 0;
        try {
            Xapian::Database db = open_for_reading(path, mode);
            rev = detail::revision_of(db);
            return read(db);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= kReadAttempts) detail::throw_modified_too_often(attempt);
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt >= kReadAttempts || !detail::revision_moved(path, rev)) throw;
        }
        detail::pause_before_retry(attempt);
    }
}

}  // namespace newsfacet
