#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build with the tests and run them
# all (doctest units and end-to-end tests of the binaries) through CTest.
#   scripts/test.sh             Release build in build/
#   scripts/test.sh --sanitize  ASan+UBSan build in build-asan/ (slower)
set -euo pipefail
NEWSFACET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$NEWSFACET_ROOT"
source scripts/lib/common.sh
newsfacet_install_deps
dir=build
opts=(-DNEWSFACET_BUILD_TESTS=ON)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  opts+=(-DNEWSFACET_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  export ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
newsfacet_build "$dir" "${opts[@]}"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"
