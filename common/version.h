// What `--version` prints for every newsfacet program: the program's version and the
// versions of everything that decides whether its output can be read or compared
// (the database schema, the JSON shape) or reproduced (Xapian, ICU).
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

/// Version of the JSON output shapes (newsfacet-query, --dry-run); bumped when a
/// member changes meaning or goes.
inline constexpr int kJsonFormatVersion = 1;

/// The project's version (CMake's project version).
std::string_view program_version();

/// The --version text: "PROGRAM VERSION" then one "name: version" line each for the
/// schema, the JSON format and the libraries in use: Xapian (when the program links
/// it, see add_library_version) and ICU.
std::string version_text(std::string_view program);

/// Adds a "NAME: VERSION" line to version_text, before ICU's. The Xapian side
/// (xapian_hooks.cc) adds Xapian's, as loaded at run time.
void add_library_version(std::string name, std::string version);

}  // namespace newsfacet
