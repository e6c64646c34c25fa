#include "embedded.h"

#include <array>
#include <cstring>

namespace newsfacet {
namespace {

struct Entry {
    const char* name = nullptr;
    std::string_view data;
};

// A fixed table filled during static initialisation: no allocation, and constinit
// guarantees it is initialised at compile time, before any registrar in another
// translation unit runs, whatever the link order.
constexpr std::size_t kMaxEntries = 32;
constinit std::array<Entry, kMaxEntries> g_entries{};
constinit std::size_t g_count = 0;

}  // namespace

EmbeddedRegistrar::EmbeddedRegistrar(const char* name, const char* begin, const char* end) {
    if (g_count < kMaxEntries)
        g_entries[g_count++] = Entry{name, std::string_view(begin, static_cast<std::size_t>(end - begin))};
}

std::string_view embedded(std::string_view name) {
    for (std::size_t i = 0; i < g_count; ++i)
        if (name == g_entries[i].name) return g_entries[i].data;
    return {};
}

}  // namespace newsfacet
