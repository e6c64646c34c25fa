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
/// schema, the JSON format and the Xapian and ICU libraries in use.
std::string version_text(std::string_view program);

}  // namespace newsfacet
