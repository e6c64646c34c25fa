#include "database.h"

#include <sys/stat.h>

#include <cstdlib>

#include "error.h"
#include "schema.h"

namespace newsfacet {
namespace {

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

}  // namespace

std::string resolve_db_path(const std::string& from_option) {
    if (!from_option.empty()) return from_option;
    if (const char* env = std::getenv("NEWSFACET_DB"); env && *env) return env;
    return "newsfacet.db";
}

Xapian::Database open_for_reading(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw Failure({kExitRuntime, "no database at " + path,
                       "create one with: newsfacet-index --db " + path + " ARTICLES... (or set NEWSFACET_DB)"});
    try {
        Xapian::Database db(path);
        check_schema(db, path);
        return db;
    } catch (...) {
        throw Failure(current_exception_error(path));
    }
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        check_schema(db, path);
        return db;
    } catch (...) {
        throw Failure(current_exception_error(path));
    }
}

}  // namespace newsfacet
