#include <doctest/doctest.h>
#include <xapian.h>

#include <cerrno>
#include <functional>
#include <new>
#include <string>

#include "error.h"

using namespace newsfacet;

namespace {

Error error_of(const std::function<void()>& thrower) {
    try {
        thrower();
    } catch (...) {
        return current_exception_error("the.db");
    }
    return {};
}

}  // namespace

TEST_CASE("system failures keep their cause; no misleading hints") {
    struct Row {
        const char* name;
        std::function<void()> thrower;
        ExitCode code;
        const char* in_message;
        const char* not_in_message_or_hint;
    };
    const Row rows[] = {
        {"disk full", [] { throw Xapian::DatabaseError("Error writing block 107", ENOSPC); }, kExitRuntime,
         "no space left on device", "locked"},
        {"quota", [] { throw Xapian::DatabaseError("Error writing block 3", EDQUOT); }, kExitRuntime,
         "disk quota exceeded", "locked"},
        {"file size", [] { throw Xapian::DatabaseError("Error writing block 6", EFBIG); }, kExitRuntime,
         "file too large", "locked"},
        {"read-only lock file",
         [] {
             throw Xapian::DatabaseLockError(
                 "Unable to get write lock on the.db: Couldn't open lockfile: Read-only file system");
         },
         kExitRuntime, "read-only file system", "another newsfacet-index"},
        {"descriptor limit on open",
         [] { throw Xapian::DatabaseOpeningError("Couldn't open the.db/postlist.glass to read", EMFILE); },
         kExitRuntime, "too many open files", "ebuild"},
        {"descriptor limit on lock",
         [] { throw Xapian::DatabaseLockError("Unable to get write lock on the.db: too many open files"); },
         kExitRuntime, "too many open files", "another newsfacet-index"},
        {"really locked", [] { throw Xapian::DatabaseLockError("Unable to get write lock on the.db: already locked"); },
         kExitRuntime, "is locked", "read-only"},
        {"corrupt", [] { throw Xapian::DatabaseCorruptError("Expected block 3 to be level 1, not 0"); }, kExitRuntime,
         "is corrupt", "too many"},
        {"wildcard", [] { throw Xapian::WildcardError("Wildcard zq* expands to more than 10000 terms"); }, kExitUsage,
         "query too broad", "database"},
        {"out of memory", [] { throw std::bad_alloc(); }, kExitRuntime, "out of memory", "terminate"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.name);
        const Error e = error_of(r.thrower);
        CHECK(e.code == r.code);
        CHECK(e.message.find(r.in_message) != std::string::npos);
        CHECK((e.message + e.hint).find(r.not_in_message_or_hint) == std::string::npos);
    }
}

TEST_CASE("errno_error names the cause and keeps the system's text") {
    const Error e = errno_error(ENOSPC, "cannot write x");
    CHECK(e.message == "cannot write x: no space left on device (No space left on device)");
    CHECK(!e.hint.empty());
    CHECK(errno_error(ENOTDIR, "y").message == "y: Not a directory");
}
