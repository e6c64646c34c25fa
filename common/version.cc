#include "version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include "schema.h"

#ifndef NEWSFACET_VERSION
#error "NEWSFACET_VERSION is set by common/CMakeLists.txt from the CMake project version"
#endif

namespace newsfacet {

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
    s += "Xapian: " + std::string(Xapian::version_string()) + "\n";
    s += "ICU: " + std::string(icu_text);
    return s;
}

}  // namespace newsfacet
