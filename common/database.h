// Opening newsfacet databases: the default path, the schema-version check.
#pragma once

#include <xapian.h>

#include <string>

namespace newsfacet {

/// The database path: --db if given, else $NEWSFACET_DB, else ./newsfacet.db.
std::string resolve_db_path(const std::string& from_option);

/// Opens a database for searching; throws Failure (exit 1) when it is missing, not a
/// newsfacet database, of another schema version, locked or corrupt.
Xapian::Database open_for_reading(const std::string& path);

/// Opens (creating if needed) a database for writing and stamps the schema version;
/// throws Failure when it is of another schema version or locked.
Xapian::WritableDatabase open_for_writing(const std::string& path);

}  // namespace newsfacet
