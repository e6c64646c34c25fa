// Put first on the include path of the targets that must not depend on Xapian
// (newsfacet_core, newsfacet_extract, newsfacet_reader; docs/architecture.md): an
// #include <xapian.h> there finds this file and stops the build.
#error "this target must not use Xapian: extract/ and the ICU-only core link ICU only (docs/architecture.md); put Xapian code in common/xapian_hooks.cc, common/database.cc, indexer/document.cc or query/"
