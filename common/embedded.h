// Data files linked into the binary (see cmake/embed.cmake).
#pragma once

#include <string_view>

namespace newsfacet {

/// The bytes of the embedded data file registered as `name`; empty when there is none.
std::string_view embedded(std::string_view name);

/// Registers an embedded file at static-initialisation time (used by generated code,
/// one static registrar per file, which must live as long as the program).
class EmbeddedRegistrar {
  public:
    EmbeddedRegistrar(const char* name, const char* begin, const char* end);
    EmbeddedRegistrar(const EmbeddedRegistrar&) = delete;
    EmbeddedRegistrar& operator=(const EmbeddedRegistrar&) = delete;

  private:
    friend std::string_view embedded(std::string_view name);
    const char* name_;
    std::string_view data_;
    const EmbeddedRegistrar* next_;  // the one registered before
};

}  // namespace newsfacet
