# Helpers for the end-to-end tests (not a test itself: CTest runs only *.sh). Each
# test script is run by CTest as
#   bash tests/e2e/NAME.sh BIN_DIR SEEDS_DIR WORK_DIR
# and sources this file. A failed check prints what was expected and what came out,
# and the script exits 1 at the end.
set -u
BIN=$1
SEEDS=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK"
export NEWSFACET_DB="$WORK/db"
export NO_COLOR=1
FAILS=0
CHECKS=0
S0=000_9a5ad2e1a0c9bfef
S1=001_9b59a9d14afede96
S2=002_4a88d1566f9dd8da

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

index_seeds() { "$BIN/newsfacet-index" -q "$SEEDS" || fail "indexing seeds exited $?"; }

# ids QUERY-ARGS...: the ids of the hits, sorted, space-separated.
ids() { "$BIN/newsfacet-query" --format json -n 100 "$@" | grep -oE '"(id|article)": "[^"]*"' | sed -E 's/.*: "([^"]*)"/\1/' | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# expect_ids "EXPECTED IDS" QUERY-ARGS...
expect_ids() {
  local want=$1; shift
  CHECKS=$((CHECKS + 1))
  local got; got=$(ids "$@")
  [ "$got" = "$want" ] || fail "newsfacet-query $* -> [$got], expected [$want]"
}

# expect_count N QUERY-ARGS...: newsfacet-query --count prints N.
expect_count() {
  local want=$1; shift
  CHECKS=$((CHECKS + 1))
  local got; got=$("$BIN/newsfacet-query" --count "$@" 2>&1 | tail -1)
  [ "$got" = "$want" ] || fail "newsfacet-query --count $* -> $got, expected $want"
}

# expect_rc CODE COMMAND...: runs the command, checks its exit status and that it said
# something on stderr when it failed.
expect_rc() {
  local want=$1; shift
  CHECKS=$((CHECKS + 1))
  "$@" >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  [ "$rc" = "$want" ] || fail "$* exited $rc, expected $want; stderr: $(head -c 300 "$WORK/err")"
  if [ "$want" != 0 ] && ! grep -q "error\|warning" "$WORK/err"; then fail "$* said nothing on stderr"; fi
}

# expect_grep PATTERN COMMAND...: the command's stdout matches the extended regex.
expect_grep() {
  local pat=$1; shift
  CHECKS=$((CHECKS + 1))
  local out; out=$("$@" 2>&1)
  echo "$out" | grep -qE -- "$pat" || fail "$* did not print /$pat/; got: $(echo "$out" | head -c 600)"
}

finish() {
  if [ "$FAILS" -gt 0 ]; then
    echo "$((CHECKS - FAILS)) passed, $FAILS failed" >&2
    exit 1
  fi
  echo "all $CHECKS checks passed"
  exit 0
}
