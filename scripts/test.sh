#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build with the tests and run them
# all (doctest units and end-to-end tests of the binaries) through CTest.
#   scripts/test.sh             Release build in build/
#   scripts/test.sh --sanitize  ASan+UBSan build in build-asan/ (slower)
#   scripts/test.sh --fuzz      the libFuzzer harnesses (tests/fuzz), built with clang
#                               under ASan+UBSan in build-fuzz/, each run briefly
#                               (NEWSFACET_FUZZ_SECONDS, default 15) from its corpus
set -euo pipefail
NEWSFACET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$NEWSFACET_ROOT"
source scripts/lib/common.sh
if [ "${1:-}" = "--fuzz" ]; then
  newsfacet_install_deps "${NEWSFACET_FUZZ_PACKAGES[@]}"
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DNEWSFACET_FUZZ=ON \
    -DNEWSFACET_BUILD_TESTS=OFF -DNEWSFACET_BUILD_BENCH=OFF \
    -DNEWSFACET_FUZZ_SECONDS="${NEWSFACET_FUZZ_SECONDS:-15}" >/dev/null
  cmake --build build-fuzz -j"$(nproc 2>/dev/null || echo 2)" --target newsfacet-fuzzers
  # One harness at a time: each gets the machine, so a run covers the same ground
  # wherever it runs.
  exec ctest --test-dir build-fuzz --output-on-failure -R '^fuzz\.'
fi
newsfacet_install_deps
dir=build
opts=(-DNEWSFACET_BUILD_TESTS=ON)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  opts+=(-DNEWSFACET_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  export ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$NEWSFACET_ROOT/tests/lsan.supp:print_suppressions=0
fi
newsfacet_build "$dir" "${opts[@]}"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"
