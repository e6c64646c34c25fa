#include "database.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "error.h"
#include "schema.h"

namespace newsfacet {
namespace {

bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

[[noreturn]] void refuse(const std::string& message, const std::string& hint) {
    throw Failure({kExitRuntime, message, hint});
}

std::string create_hint(const std::string& path) {
    return "create one with: newsfacet-index --db " + path + " ARTICLES... (or set NEWSFACET_DB)";
}

// A local glass directory, read-only; never a stub.
Xapian::Database open_glass(const std::string& path) {
    if (!is_dir(path)) refuse("no database at " + path, create_hint(path));
    if (!is_file(path + "/iamglass"))
        refuse("no database at " + path + ": the directory holds no committed newsfacet database",
               "an indexer stopped before its first commit leaves such a directory; newsfacet-index --db " + path +
                   " ARTICLES... starts it afresh");
    return Xapian::Database(path, Xapian::DB_BACKEND_GLASS);
}

// Reads a stub newsfacet was asked to open (see database.h) line by line; every line
// is checked before anything is opened.
Xapian::Database open_stub(const std::string& stub, const std::string& path) {
    std::ifstream in(stub);
    if (!in) refuse("cannot read stub " + stub, "");
    const std::string dir = stub.find('/') == std::string::npos ? "." : stub.substr(0, stub.rfind('/'));
    Xapian::Database db;
    std::string line;
    int n = 0, shards = 0;
    while (std::getline(in, line)) {
        ++n;
        const std::size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos || line[b] == '#') continue;
        std::istringstream words(line.substr(b));
        std::string type, rest;
        words >> type;
        std::getline(words >> std::ws, rest);
        while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' '))
            rest.pop_back();
        const std::string where = stub + ":" + std::to_string(n);
        if ((type == "glass" || type == "auto") && !rest.empty()) {
            db.add_database(open_glass(rest[0] == '/' ? rest : dir + "/" + rest));
        } else if (type == "remote" && !rest.empty() && rest[0] == ':') {
            const char* allow = std::getenv(kAllowProgRemoteEnv);
            if (!allow || std::string(allow) != "1")
                refuse(where + ": \"remote :PROGRAM\" would run a program; refused",
                       std::string("if you trust this stub, set ") + kAllowProgRemoteEnv + "=1");
            const std::size_t sp = rest.find(' ');
            db.add_database(Xapian::Remote::open(rest.substr(1, sp == std::string::npos ? sp : sp - 1),
                                                 sp == std::string::npos ? std::string() : rest.substr(sp + 1)));
        } else if (type == "remote" && rest.rfind(':') != std::string::npos && rest.rfind(':') > 0) {
            const std::size_t colon = rest.rfind(':');
            const std::string port = rest.substr(colon + 1);
            char* end = nullptr;
            const long p = std::strtol(port.c_str(), &end, 10);
            if (port.empty() || *end || p < 1 || p > 65535) refuse(where + ": bad port in \"" + line + "\"", "");
            db.add_database(Xapian::Remote::open(rest.substr(0, colon), static_cast<unsigned>(p)));
        } else {
            refuse(where + ": not a line newsfacet opens: \"" + line + "\"",
                   "stub lines: glass PATH, auto PATH, remote HOST:PORT");
        }
        ++shards;
    }
    if (shards == 0) refuse("stub " + stub + " for " + path + " lists no databases", "");
    return db;
}

void check_schema(const Xapian::Database& db, const std::string& path) {
    const std::string v = db.get_metadata(std::string(kSchemaKey));
    if (v.empty() && db.get_doccount() == 0) return;  // new and empty
    if (v != std::to_string(kSchemaVersion)) {
        throw Failure({kExitRuntime,
                       "database " + path + " has schema version " + (v.empty() ? std::string("(none)") : v) +
                           ", this newsfacet uses version " + std::to_string(kSchemaVersion),
                       "rebuild it: rm -r " + path + " && newsfacet-index --db " + path + " ARTICLES..."});
    }
}

// The files glass writes into a new database directory before its first commit
// finishes: a run killed then leaves some of them and no version file (iamglass).
bool is_uncommitted_glass_file(const std::string& name) {
    static const char* const kNames[] = {"flintlock",     "postlist.glass", "termlist.glass", "position.glass",
                                         "docdata.glass", "spelling.glass", "synonym.glass"};
    for (const char* n : kNames)
        if (name == n) return true;
    return name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
}

// Whether another process holds glass's write lock on the directory.
bool write_locked(const std::string& dir) {
    const int fd = ::open((dir + "/flintlock").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    const bool locked = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

// A directory without a version file (iamglass) holds nothing committed: it is new,
// or a run was killed before its first commit finished. glass would try to open the
// tables such a run left (and fail, "no database") instead of creating them, so they
// are removed; other files are left alone.
void recover_uncommitted(const std::string& path, std::string* note) {
    std::vector<std::string> names;
    DIR* d = ::opendir(path.c_str());
    if (!d) return;  // the open below reports why
    while (const dirent* e = ::readdir(d))
        if (is_uncommitted_glass_file(e->d_name)) names.emplace_back(e->d_name);
    ::closedir(d);
    if (names.empty()) return;
    if (write_locked(path))
        refuse("database " + path + " is being created by another process (it holds the write lock)",
               "is another newsfacet-index running? Wait for it to finish.");
    for (const std::string& n : names)
        if (::unlink((path + "/" + n).c_str()) != 0 && errno != ENOENT)
            throw Failure(errno_error(errno, "cannot remove " + path + "/" + n));
    if (note)
        *note =
            "database " + path + " was left unfinished by a run stopped before its first commit; creating it afresh";
}

// What a read passes through unchanged: a writer's commit overtaking it, which
// read_database retries. A database opened for writing has no such race.
enum class Races { pass, translate };

// Runs `open` and returns what it returns; anything it throws leaves as a Failure
// naming `path` (current_exception_error: locked, missing, corrupt, I/O ...), except a
// Failure already made and, with Races::pass, DatabaseModifiedError and
// DatabaseCorruptError. The one place that turns Xapian's exceptions into newsfacet's
// errors for every way of opening a database.
template <class Open>
auto translating_errors(const std::string& path, Races races, Open&& open) -> decltype(open()) {
    try {
        return open();
    } catch (const Failure&) {
        throw;
    } catch (const Xapian::DatabaseModifiedError&) {
        if (races == Races::pass) throw;
        throw Failure(current_exception_error(path));
    } catch (const Xapian::DatabaseCorruptError&) {
        if (races == Races::pass) throw;
        throw Failure(current_exception_error(path));
    } catch (...) {
        throw Failure(current_exception_error(path));
    }
}

bool has_marker(const std::string& stub) {
    std::ifstream in(stub);
    std::string first;
    std::getline(in, first);
    return first.rfind(std::string(kStubMarker), 0) == 0;
}

}  // namespace

std::string resolve_db_path(const std::string& from_option) {
    if (!from_option.empty()) return from_option;
    if (const char* env = std::getenv("NEWSFACET_DB"); env && *env) return env;
    return "newsfacet.db";
}

namespace detail {

Xapian::rev revision_of(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        return 0;  // several shards have no one revision
    }
}

bool revision_moved(const std::string& path, Xapian::rev rev) {
    if (rev == 0) return true;
    try {
        return Xapian::Database(path, Xapian::DB_BACKEND_GLASS).get_revision() != rev;
    } catch (const Xapian::Error&) {
        return true;
    }
}

void pause_before_retry(int attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(200, 5 << std::min(attempt, 6))));
}

void throw_modified_too_often(int attempts) {
    throw Failure({kExitRuntime, "the database changed " + std::to_string(attempts) + " times while it was being read",
                   "an indexer is committing very often; try again, or index with a larger --batch"});
}

}  // namespace detail

Xapian::Database open_database(const std::string& path, OpenMode mode) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) refuse("no database at " + path, create_hint(path));
        refuse("cannot open database " + path + ": " + std::strerror(errno), "");
    }
    return translating_errors(path, Races::pass, [&] {
        if (S_ISREG(st.st_mode)) {
            if (mode != OpenMode::stub_file)
                refuse(path + " is a file, not a newsfacet database (a directory)",
                       "newsfacet does not read files as Xapian stubs unless asked to (newsfacet-query --stub)");
            return open_stub(path, path);
        }
        if (!S_ISDIR(st.st_mode)) refuse(path + " is not a directory, not a newsfacet database", "");
        if (!is_file(path + "/iamglass") && is_file(path + "/XAPIANDB")) {
            if (!has_marker(path + "/XAPIANDB"))
                refuse(path + " holds a Xapian stub (XAPIANDB) that newsfacet did not write; not opened",
                       "to search the databases it lists, pass the file itself: newsfacet-query --stub --db " + path +
                           "/XAPIANDB");
            return open_stub(path + "/XAPIANDB", path);
        }
        return open_glass(path);
    });
}

Xapian::Database open_for_reading(const std::string& path, OpenMode mode) {
    Xapian::Database db = open_database(path, mode);
    translating_errors(path, Races::pass, [&] { check_schema(db, path); });
    return db;
}

Xapian::WritableDatabase open_for_writing(const std::string& path, std::string* note) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        refuse(path + " is a file, not a newsfacet database (a directory)",
               "give --db a directory (it is created if missing)");
    if (is_dir(path) && !is_file(path + "/iamglass") && is_file(path + "/XAPIANDB"))
        refuse(path + " holds a Xapian stub (XAPIANDB), not a database newsfacet-index writes to", "");
    if (is_dir(path) && !is_file(path + "/iamglass")) recover_uncommitted(path, note);
    return translating_errors(path, Races::translate, [&] {
        // DB_BACKEND_GLASS: a directory without a glass version file (a run killed
        // before glass wrote it) is created afresh rather than probed for a stub.
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        check_schema(db, path);
        return db;
    });
}

std::string database_version(const Xapian::Database& db) {
    try {
        return db.get_uuid() + "/" + std::to_string(db.get_revision()) + "/" + std::to_string(db.get_lastdocid()) +
               "/" + std::to_string(db.get_doccount());
    } catch (const Xapian::Error&) {
        return std::string();
    }
}

}  // namespace newsfacet
