// The Xapian side of what common/ offers: Xapian's exceptions as Errors with hints,
// the English stemmer and the Xapian line of --version. The ICU-only core
// (newsfacet_core: text, dates, errors, versions) leaves these hooks to this file, so
// that extract/ and the programs that only read and extract link no Xapian
// (docs/architecture.md). Linked into every program that links newsfacet_common.
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "error.h"
#include "text.h"
#include "version.h"

namespace newsfacet {
namespace {

// The system cause of a Xapian error: its errno when it carries one, else an errno's
// text inside the message (the lock code puts strerror() into the message itself).
std::optional<SystemCause> system_cause(const Xapian::Error& e) {
    const char* es = e.get_error_string();
    const std::string text = e.get_msg() + " " + e.get_context();
    for (const SystemCause& c : system_causes()) {
        const char* s = std::strerror(c.err);
        if ((es && std::strcmp(es, s) == 0) || text.find(s) != std::string::npos) return c;
    }
    if (text.find("too many open files") != std::string::npos)
        for (const SystemCause& c : system_causes())
            if (c.err == EMFILE) return c;
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


std::optional<Error> translate_xapian(const std::string& db_path) {
    try {
        throw;
    } catch (const Xapian::Error& e) {
        return from_xapian(e, db_path);
    } catch (...) {
        return std::nullopt;
    }
}

// Registered before main() runs: an OBJECT library's objects are all linked.
[[maybe_unused]] const bool registered = [] {
    set_exception_translator(translate_xapian);
    add_library_version("Xapian", Xapian::version_string());
    return true;
}();

}  // namespace

const std::string& stem(const std::string& term) {
    // The cache is per thread: indexing calls this for every word.
    thread_local Xapian::Stem stemmer("english");
    thread_local std::unordered_map<std::string, std::string> cache;
    auto it = cache.find(term);
    if (it != cache.end()) return it->second;
    if (cache.size() > 200000) cache.clear();
    return cache.emplace(term, stemmer(term)).first->second;
}

}  // namespace newsfacet
