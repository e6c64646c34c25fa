// Data files linked into the binary (see cmake/embed.cmake).
#pragma once

#include <string_view>

namespace newsfacet {

/// The bytes of the embedded data file registered as `name`; empty when there is none.
std::string_view embedded(std::string_view name);

/// Registers an embedded file at static-initialisation time (used by generated code).
struct EmbeddedRegistrar {
    EmbeddedRegistrar(const char* name, const char* begin, const char* end);
};

}  // namespace newsfacet
