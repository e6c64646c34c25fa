# The layering of docs/architecture.md: extract/, the ICU-only core and the reader
# link no Xapian. newsfacet-eval is built from them alone, so its binary needs no
# libxapian and its --version names none; cmake/no-xapian/xapian.h, first on those
# targets' include path, stops a build that includes <xapian.h> there.
source "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)

if [ -x "$BIN/newsfacet-eval" ]; then
  CHECKS=$((CHECKS + 1))
  needed=$(readelf -d "$BIN/newsfacet-eval" | grep NEEDED)
  grep -q xapian <<<"$needed" && fail "newsfacet-eval needs Xapian: $needed"
  CHECKS=$((CHECKS + 1))
  grep -q libicuuc <<<"$needed" || fail "newsfacet-eval should need ICU: $needed"
  expect_rc 0 "$BIN/newsfacet-eval" --version
  CHECKS=$((CHECKS + 1))
  grep -q '^Xapian' "$WORK/out" && fail "newsfacet-eval --version names Xapian: $(cat "$WORK/out")"
fi
# The indexer links both: its --version names Xapian.
expect_grep '^Xapian: ' "$BIN/newsfacet-index" --version

# The guard header: an include of <xapian.h> on a forbidding target fails, with the reason.
cxx=$(command -v c++ || command -v g++ || true)
if [ -n "$cxx" ]; then
  CHECKS=$((CHECKS + 1))
  printf '#include <xapian.h>\nint main() {}\n' >"$WORK/uses_xapian.cc"
  if "$cxx" -fsyntax-only -I"$root/cmake/no-xapian" "$WORK/uses_xapian.cc" 2>"$WORK/cc.err"; then
    fail "an include of <xapian.h> under cmake/no-xapian compiled"
  else
    grep -q 'must not use Xapian' "$WORK/cc.err" || fail "the guard's message is missing: $(head -3 "$WORK/cc.err")"
  fi
fi
finish
