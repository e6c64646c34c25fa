# Fault injection: the Nth write, fsync or open of the database's files fails (an
# LD_PRELOAD shim, tests/fault/failio.cc, stands in for a full disk, a failing disk, a
# read-only file system or a descriptor limit). The database must stay at its last
# commit, still searchable, and the message must name the cause.
source "$(dirname "$0")/lib.bash"
SHIM="$BIN/libnewsfacet-failio.so"
if [ ! -e "$SHIM" ]; then
  fail "the fault-injection shim $SHIM was not built"
  finish
fi
# A sanitizer build wants its runtime first; the shim is preloaded before it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
DB="$WORK/db"
mkdir -p "$WORK/corpus"
for i in $(seq 1 120); do
  printf 'Headline %d\n\nThe minister said talks on topic%d continued in Paris on Monday.\n' "$i" "$i" >"$WORK/corpus/$i.txt"
done
index_seeds
baseline=$("$BIN/newsfacet-query" --format json -n 100 '' | grep -oE '"id": "[^"]*"' | sort | tr '\n' ' ')

# faulty OP N ERRNO COMMAND...: runs COMMAND with the Nth OP on the database failing.
faulty() {
  local op=$1 n=$2 err=$3; shift 3
  LD_PRELOAD="$SHIM" FAILIO_OP=$op FAILIO_AT=$n FAILIO_ERRNO=$err FAILIO_PATH="$DB" "$@"
}

# still_at_last_commit WHAT: the database holds exactly the seeds, and is searchable.
still_at_last_commit() {
  CHECKS=$((CHECKS + 1))
  local now; now=$("$BIN/newsfacet-query" --format json -n 100 '' 2>&1 | grep -oE '"id": "[^"]*"' | sort | tr '\n' ' ')
  [ "$now" = "$baseline" ] || fail "$1: the database changed: [$now], expected [$baseline]"
  expect_ids "$S0 $S2" ceasefire
}

# Writes and syncs failing at several points of a run (batches of 50: commits
# happen before the failure in some runs, so the last commit moves).
for spec in "write 1 ENOSPC no space left on device" \
  "write 40 ENOSPC no space left on device" \
  "write 25 EDQUOT disk quota exceeded" \
  "write 10 EFBIG file too large" \
  "write 15 EIO input/output error" \
  "fsync 1 EIO input/output error" \
  "fsync 2 ENOSPC no space left on device"; do
  set -- $spec
  op=$1 n=$2 err=$3; shift 3
  msg="$*"
  expect_rc 1 faulty "$op" "$n" "$err" "$BIN/newsfacet-index" -q --batch 500 "$WORK/corpus"
  expect_grep "error: database .*: $msg" cat "$WORK/err"
  CHECKS=$((CHECKS + 1))
  grep -q 'locked\|rebuild\|Rebuild\|terminate' "$WORK/err" && fail "$op $n $err: misleading message: $(cat "$WORK/err")"
  still_at_last_commit "$op $n $err"
done

# A failure after some commits: the database keeps the batches committed before it.
expect_rc 1 faulty write 60 ENOSPC "$BIN/newsfacet-index" -q --batch 10 --db "$DB" "$WORK/corpus"
expect_grep 'no space left on device' cat "$WORK/err"
CHECKS=$((CHECKS + 1))
n=$("$BIN/newsfacet-query" --count '')
[ "$n" -gt 3 ] && [ $(((n - 3) % 10)) = 0 ] || fail "after a failed batch the database holds $n articles, not the seeds plus whole batches of 10"
# ... and the next run completes it.
expect_rc 0 "$BIN/newsfacet-index" -q "$WORK/corpus"
expect_grep '^123$' "$BIN/newsfacet-query" --count ''
rm -rf "$DB"
index_seeds

# Opening fails: a read-only file system is not "locked"; a descriptor limit does not
# call a healthy database broken.
expect_rc 1 faulty open 1 EROFS "$BIN/newsfacet-index" -q "$WORK/corpus"
expect_grep 'read-only file system' cat "$WORK/err"
CHECKS=$((CHECKS + 1))
grep -q 'locked' "$WORK/err" && fail "EROFS reported as locked: $(cat "$WORK/err")"
still_at_last_commit "open EROFS"
for n in 1 2 3 5; do
  expect_rc 1 faulty open "$n" EMFILE "$BIN/newsfacet-index" -q "$WORK/corpus"
  expect_grep 'too many open files' cat "$WORK/err"
  expect_rc 1 faulty open "$n" EMFILE "$BIN/newsfacet-query" peace
  expect_grep 'too many open files' cat "$WORK/err"
  CHECKS=$((CHECKS + 1))
  grep -q 'rebuild\|Rebuild\|corrupt' "$WORK/err" && fail "EMFILE: told the database is broken: $(cat "$WORK/err")"
  still_at_last_commit "open $n EMFILE"
done
expect_rc 1 faulty open 2 EIO "$BIN/newsfacet-query" peace
expect_grep 'input/output error' cat "$WORK/err"
finish
