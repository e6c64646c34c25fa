#include "error.h"

#include <xapian.h>

#include <cstdio>
#include <exception>

#include "text.h"

namespace newsfacet {

void print_message(const char* program, const char* kind, std::string_view message) {
    const std::string line = std::string(program) + ": " + kind + ": " + terminal_safe(message) + "\n";
    std::fputs(line.c_str(), stderr);
}

void print_error(const char* program, const Error& e) {
    print_message(program, "error", e.message);
    if (!e.hint.empty()) print_message(program, "hint", e.hint);
}

Error current_exception_error(const std::string& db_path) {
    try {
        throw;
    } catch (const Failure& f) {
        return f.error();
    } catch (const Xapian::DatabaseLockError& e) {
        return {kExitRuntime, "database " + db_path + " is locked: " + e.get_msg(),
                "is another newsfacet-index running? Wait for it to finish."};
    } catch (const Xapian::DatabaseNotFoundError& e) {
        return {kExitRuntime, "no database at " + db_path,
                "create one with: newsfacet-index --db " + db_path + " ARTICLES..."};
    } catch (const Xapian::DatabaseOpeningError& e) {
        return {kExitRuntime, "cannot open database " + db_path + ": " + e.get_msg(),
                "is it a newsfacet database? Rebuild it with newsfacet-index."};
    } catch (const Xapian::DatabaseCorruptError& e) {
        return {kExitRuntime, "database " + db_path + " is corrupt: " + e.get_msg(),
                "rebuild it: remove " + db_path + " and run newsfacet-index again."};
    } catch (const Xapian::DatabaseError& e) {
        return {kExitRuntime, "database " + db_path + ": " + e.get_msg(), ""};
    } catch (const Xapian::QueryParserError& e) {
        return {kExitUsage, "query syntax: " + e.get_msg(), "see 'newsfacet-query --help' for the syntax."};
    } catch (const Xapian::Error& e) {
        return {kExitRuntime, e.get_type() + std::string(": ") + e.get_msg(), ""};
    } catch (const std::bad_alloc&) {
        return {kExitRuntime, "out of memory", ""};
    } catch (const std::exception& e) {
        return {kExitRuntime, e.what(), ""};
    } catch (...) {
        return {kExitRuntime, "unknown error", ""};
    }
}

}  // namespace newsfacet
