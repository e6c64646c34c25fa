#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build (Release, into build/),
# index seeds/ into ./newsfacet.db and run a sample faceted search.
set -euo pipefail
NEWSFACET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$NEWSFACET_ROOT"
source scripts/lib/common.sh
newsfacet_install_deps
newsfacet_build build -DNEWSFACET_BUILD_TESTS=OFF
echo
echo "\$ build/bin/newsfacet-index seeds/"
build/bin/newsfacet-index seeds/
echo
echo "\$ build/bin/newsfacet-query ceasefire --facet speaker,place"
build/bin/newsfacet-query ceasefire --facet speaker,place
