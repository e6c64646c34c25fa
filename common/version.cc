#include "version.h"

#include <unicode/uversion.h>

#include <string>
#include <utility>
#include <vector>

#include "schema.h"

#ifndef NEWSFACET_VERSION
#error "NEWSFACET_VERSION is set by common/CMakeLists.txt from the CMake project version"
#endif

namespace newsfacet {
namespace {

std::vector<std::pair<std::string, std::string>>& library_versions() {
    static std::vector<std::pair<std::string, std::string>> libs;
    return libs;
}

}  // namespace

void add_library_version(std::string name, std::string version) {
    library_versions().emplace_back(std::move(name), std::move(version));
}

std::string_view program_version() {
    return NEWSFACET_VERSION;
}

std::string version_text(std::string_view program) {
    // The libraries' versions as loaded at run time, not as compiled against: a
    // distribution upgrade changes them under the same binary.
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icu_text);
    std::string s = std::string(program) + " " + std::string(program_version()) + "\n";
    s += "schema version: " + std::to_string(kSchemaVersion) + "\n";
    s += "JSON format version: " + std::to_string(kJsonFormatVersion) + "\n";
    for (const auto& [name, version] : library_versions()) s += name + ": " + version + "\n";
    s += "ICU: " + std::string(icu_text);
    return s;
}

}  // namespace newsfacet
