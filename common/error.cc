#include "error.h"

#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <system_error>

#include "text.h"

namespace newsfacet {
namespace {

// What a system error means for a newsfacet user: the cause in words and what to do.
struct Cause {
    int err;
    const char* what;
    const char* hint;
};

const Cause kCauses[] = {
    {ENOSPC, "no space left on device",
     "free some space on the file system that holds the database; it is still at its last commit"},
    {EDQUOT, "disk quota exceeded", "free some space or raise the quota; the database is still at its last commit"},
    {EFBIG, "file too large (the file-size limit, ulimit -f, or the file system's)",
     "raise the limit (ulimit -f unlimited); the database is still at its last commit"},
    {EROFS, "read-only file system", "put the database on a writable file system (--db PATH)"},
    {EMFILE, "too many open files (the per-process limit, ulimit -n)",
     "raise the limit (ulimit -n 1024); the database itself is fine"},
    {ENFILE, "too many open files in the system", "close some programs and try again; the database itself is fine"},
    {ENOMEM, "out of memory", "free some memory or raise the limit (ulimit -v)"},
    {EACCES, "permission denied", "check the permissions of the database directory and its files"},
    {EPERM, "operation not permitted", "check the permissions of the database directory and its files"},
    {EIO, "input/output error", "the disk may be failing; check the system log (dmesg)"},
};

// The system cause of a Xapian error: its errno when it carries one, else an errno's
// text inside the message (the lock code puts strerror() into the message itself).
std::optional<Cause> system_cause(const Xapian::Error& e) {
    const char* es = e.get_error_string();
    const std::string text = e.get_msg() + " " + e.get_context();
    for (const Cause& c : kCauses) {
        const char* s = std::strerror(c.err);
        if ((es && std::strcmp(es, s) == 0) || text.find(s) != std::string::npos) return c;
    }
    if (text.find("too many open files") != std::string::npos) return kCauses[4];
    return std::nullopt;
}

// Xapian's message with its context and system error, as Xapian's get_description()
// would put them but without the exception's type name.
std::string xapian_detail(const Xapian::Error& e) {
    std::string s = e.get_msg();
    if (!e.get_context().empty()) s += " (context: " + e.get_context() + ")";
    if (const char* es = e.get_error_string(); es && *es) s += " (" + std::string(es) + ")";
    return s;
}

Error from_xapian(const Xapian::Error& e, const std::string& db_path) {
    const std::string db = db_path.empty() ? std::string("database") : "database " + db_path;
    if (auto c = system_cause(e)) {
        return {kExitRuntime, db + ": " + c->what + " (" + xapian_detail(e) + ")", c->hint};
    }
    try {
        throw;
    } catch (const Xapian::DatabaseLockError&) {
        if (e.get_msg().find("already locked") != std::string::npos)
            return {kExitRuntime, db + " is locked: " + e.get_msg(),
                    "is another newsfacet-index running? Wait for it to finish."};
        return {kExitRuntime, "cannot lock " + db + " for writing: " + xapian_detail(e), ""};
    } catch (const Xapian::DatabaseNotFoundError&) {
        return {kExitRuntime, "no database at " + db_path,
                "create one with: newsfacet-index --db " + db_path + " ARTICLES..."};
    } catch (const Xapian::DatabaseOpeningError&) {
        return {kExitRuntime, "cannot open " + db + ": " + xapian_detail(e),
                "is it a newsfacet database? Rebuild it with newsfacet-index."};
    } catch (const Xapian::DatabaseCorruptError&) {
        return {kExitRuntime, db + " is corrupt: " + xapian_detail(e),
                "rebuild it: remove " + db_path + " and run newsfacet-index again."};
    } catch (const Xapian::DatabaseModifiedError&) {
        return {kExitRuntime, db + " changed while it was being read: " + e.get_msg(), "try again"};
    } catch (const Xapian::DatabaseError&) {
        return {kExitRuntime, db + ": " + xapian_detail(e), ""};
    } catch (const Xapian::QueryParserError&) {
        return {kExitUsage, "query syntax: " + e.get_msg(), "see 'newsfacet-query --help' for the syntax."};
    } catch (const Xapian::WildcardError&) {
        return {kExitUsage, "query too broad: " + e.get_msg(),
                "make the wildcard's prefix longer (a trailing * expands to at most a fixed number of words)"};
    } catch (const Xapian::NetworkError&) {
        return {kExitRuntime, "remote " + db + ": " + xapian_detail(e), ""};
    } catch (const Xapian::Error&) {
        return {kExitRuntime, e.get_type() + std::string(": ") + xapian_detail(e), ""};
    }
}

}  // namespace

void print_message(const char* program, const char* kind, std::string_view message) {
    const std::string line = std::string(program) + ": " + kind + ": " + terminal_safe(message) + "\n";
    std::fputs(line.c_str(), stderr);
}

void print_error(const char* program, const Error& e) {
    print_message(program, "error", e.message);
    if (!e.hint.empty()) print_message(program, "hint", e.hint);
}

Error errno_error(int err, const std::string& what) {
    for (const Cause& c : kCauses)
        if (c.err == err) return {kExitRuntime, what + ": " + c.what + " (" + std::strerror(err) + ")", c.hint};
    return {kExitRuntime, what + ": " + std::strerror(err), ""};
}

Error current_exception_error(const std::string& db_path) {
    try {
        throw;
    } catch (const Failure& f) {
        return f.error();
    } catch (const Xapian::Error& e) {
        return from_xapian(e, db_path);
    } catch (const std::bad_alloc&) {
        return {kExitRuntime, "out of memory", "free some memory or raise the limit (ulimit -v)"};
    } catch (const std::system_error& e) {
        return errno_error(e.code().value(), e.what());
    } catch (const std::exception& e) {
        return {kExitRuntime, e.what(), ""};
    } catch (...) {
        return {kExitRuntime, "unknown error", ""};
    }
}

}  // namespace newsfacet
