#include "embedded.h"

namespace newsfacet {
namespace {

// The registrars form a list through their `next_`, so the table holds exactly the
// files embedded, however many: no fixed size to outgrow, no allocation. constinit
// makes the head null at compile time, before any registrar in another translation
// unit runs, whatever the link order.
constinit const EmbeddedRegistrar* g_head = nullptr;

}  // namespace

EmbeddedRegistrar::EmbeddedRegistrar(const char* name, const char* begin, const char* end)
    : name_(name), data_(begin, static_cast<std::size_t>(end - begin)), next_(g_head) {
    g_head = this;
}

std::string_view embedded(std::string_view name) {
    for (const EmbeddedRegistrar* r = g_head; r; r = r->next_)
        if (name == r->name_) return r->data_;
    return {};
}

}  // namespace newsfacet
