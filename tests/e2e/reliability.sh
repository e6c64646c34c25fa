# Reliability and safety (issue 14): what --db may be, query limits, readers during
# writes, recovery after a kill before the first commit, messages that keep the
# cause of a system failure, option checks.
source "$(dirname "$0")/lib.bash"
BIN=$(cd "$BIN" && pwd)
SEEDS=$(cd "$SEEDS" && pwd)
cd "$WORK" || exit 1
Q="$BIN/newsfacet-query"
I="$BIN/newsfacet-index"
index_seeds
asan=0
ldd "$Q" 2>/dev/null | grep -q libasan && asan=1

# --- 1. Files are never read as Xapian stubs; "remote :PROG" never runs PROG.
printf 'remote :/bin/touch %s/PWNED\n' "$WORK" >"$WORK/stubfile"
mkdir -p "$WORK/stubdir"
cp "$WORK/stubfile" "$WORK/stubdir/XAPIANDB"
expect_rc 1 "$Q" --db "$WORK/stubfile" peace
expect_grep 'stubfile is a file, not a newsfacet database' cat "$WORK/err"
expect_rc 1 "$Q" --db "$WORK/stubdir" peace
expect_grep 'holds a Xapian stub \(XAPIANDB\) that newsfacet did not write' cat "$WORK/err"
expect_rc 1 "$Q" --stub --db "$WORK/stubfile" peace
expect_grep '"remote :PROGRAM" would run a program; refused' cat "$WORK/err"
cp "$WORK/stubfile" "$WORK/newsfacet.db"
expect_rc 1 env -u NEWSFACET_DB "$Q" peace
expect_rc 1 env -u NEWSFACET_DB "$I" -q "$SEEDS"
expect_grep 'newsfacet.db is a file, not a newsfacet database' cat "$WORK/err"
expect_rc 1 "$I" -q --db "$WORK/stubdir" "$SEEDS"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/PWNED" ] || fail "a stub's remote :PROG line ran a program"
# Stubs newsfacet is asked to open: glass lines, relative to the stub.
mkdir -p "$WORK/shards"
printf '# newsfacet stub\nglass ../db\n' >"$WORK/shards/XAPIANDB"
expect_grep '^3$' "$Q" --db "$WORK/shards" --count ''
printf 'glass db\n' >"$WORK/list.stub"
expect_grep '^3$' "$Q" --stub --db "$WORK/list.stub" --count ''
printf 'inmemory\n' >"$WORK/bad.stub"
expect_rc 1 "$Q" --stub --db "$WORK/bad.stub" ''
expect_grep 'not a line newsfacet opens' cat "$WORK/err"
# A glass line never leads to another stub.
printf 'glass stubdir\n' >"$WORK/nested.stub"
expect_rc 1 "$Q" --stub --db "$WORK/nested.stub" ''

# --- 2, 3. Over-deep and over-large queries exit 2 with a message, quickly.
deep="$(printf '(a OR (b AND %.0s' $(seq 1 100))c$(printf '))%.0s' $(seq 1 100))"
expect_rc 2 "$Q" "$deep"
expect_grep 'query nested too deeply: more than 64 levels of parentheses' cat "$WORK/err"
expect_rc 0 "$Q" "$(printf '(%.0s' $(seq 1 64))peace$(printf ')%.0s' $(seq 1 64))"
# 32,000 levels, as separate words: refused before libxapian sees it (it crashed).
mapfile -t words < <(for i in $(seq 1 16000); do echo '(a OR'; echo '(b AND'; done)
expect_rc 2 "$Q" "${words[@]}" c "$(printf ')%.0s' $(seq 1 32000))"
mapfile -t words < <(for i in $(seq 1 150); do echo 'a AND NOT b AND c'; done)
expect_rc 2 "$Q" "${words[@]}"
expect_grep 'nested too deeply: more than 64 levels of operators' cat "$WORK/err"
mapfile -t words < <(for i in $(seq 1 1000); do echo 'a*'; done)
expect_rc 2 timeout 20 "$Q" "${words[@]}"
expect_grep 'too many wildcards: more than 32' cat "$WORK/err"
mapfile -t words < <(for i in $(seq 1 2000); do echo 'mentioned:1900..2100'; done)
expect_rc 2 timeout 20 "$Q" "${words[@]}"
mapfile -t words < <(for i in $(seq 1 101); do echo 'mentioned:1900..2100'; done)
expect_rc 2 timeout 20 "$Q" "${words[@]}"
expect_grep 'too many field filters: more than 100' cat "$WORK/err"
mapfile -t words < <(for i in $(seq 1 1001); do echo "w$i"; done)
expect_rc 2 timeout 20 "$Q" "${words[@]}"
expect_grep 'query too long: more than 1000 words' cat "$WORK/err"
# Within the limits, the same constructs work.
expect_rc 0 "$Q" 'cease* OR peac* OR heal*'
mapfile -t words < <(for i in $(seq 1 50); do echo 'mentioned:1900..2100'; done)
expect_rc 0 "$Q" "${words[@]}"
# One wildcard may expand to at most 10,000 words: more is an error, not minutes.
mkdir -p "$WORK/many"
awk 'BEGIN { for (i = 0; i < 10050; i++) printf "zq%05d ", i; print "" }' >"$WORK/many/words.txt"
sed -i '1i Many words' "$WORK/many/words.txt"
"$I" -q --db "$WORK/many.db" "$WORK/many" || fail "indexing many words exited $?"
expect_rc 2 "$Q" --db "$WORK/many.db" 'zq*'
expect_grep 'query too broad' cat "$WORK/err"
expect_grep '^1$' "$Q" --db "$WORK/many.db" --count 'zq0*'

# --- 9. Option checks: a negative limit is refused; a facet asked twice is one key.
expect_rc 2 "$Q" --facet-limit -1 --facet place ''
expect_rc 2 "$Q" --facet-min -1 --facet place ''
CHECKS=$((CHECKS + 1))
n=$("$Q" --format json --count --facet place,place --facet date,published '' | grep -cE '^ *"(place|published)": \[')
[ "$n" = 2 ] || fail "--facet place,place --facet date,published printed $n facet keys, expected 2"

# --- 5. A kill before the first commit: the indexer starts the database afresh.
mkdir -p "$WORK/corpus"
for i in $(seq 1 300); do
  printf 'Headline %d\n\nThe minister said talks on topic%d continued in Paris on Monday.\n' "$i" "$i" >"$WORK/corpus/$i.txt"
done
mkdir -p "$WORK/killed.db"
: >"$WORK/killed.db/flintlock"
: >"$WORK/killed.db/postlist.glass"
: >"$WORK/killed.db/termlist.glass"
: >"$WORK/killed.db/v.tmp"
expect_rc 1 "$Q" --db "$WORK/killed.db" ''
expect_grep 'holds no committed newsfacet database' cat "$WORK/err"
expect_grep 'starts it afresh' cat "$WORK/err"
expect_rc 0 "$I" --db "$WORK/killed.db" "$WORK/corpus"
expect_grep 'left unfinished by a run stopped before its first commit' cat "$WORK/err"
expect_grep '^300$' "$Q" --db "$WORK/killed.db" --count ''
# Real kills at several moments: afterwards the indexer always succeeds.
for t in 0.02 0.05 0.1 0.2 0.4; do
  rm -rf "$WORK/k.db"
  "$I" -q --db "$WORK/k.db" "$WORK/corpus" &
  pid=$!
  sleep "$t"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  expect_rc 0 "$I" -q --db "$WORK/k.db" "$WORK/corpus"
  expect_grep '^300$' "$Q" --db "$WORK/k.db" --count ''
done
# Only the files glass writes are removed from such a directory.
mkdir -p "$WORK/other.db"
: >"$WORK/other.db/precious"
: >"$WORK/other.db/postlist.glass"
expect_rc 0 "$I" -q --db "$WORK/other.db" "$WORK/corpus"
CHECKS=$((CHECKS + 1))
[ -e "$WORK/other.db/precious" ] || fail "the indexer removed a file it did not write"

# --- 4. Readers during writes never see Xapian's "reopen() and retry" (bounded).
"$I" -q --db "$WORK/busy.db" "$WORK/corpus"
( for i in $(seq 1 4); do "$I" -q --batch 5 --db "$WORK/busy.db" "$WORK/corpus" || echo "writer $i exited $?" >>"$WORK/writer.err"; done ) &
writer=$!
reads=0
: >"$WORK/readers.err"
while kill -0 "$writer" 2>/dev/null && [ "$reads" -lt 300 ]; do
  "$Q" --db "$WORK/busy.db" --facet place minister >/dev/null 2>>"$WORK/readers.err" || echo "exit $?" >>"$WORK/readers.err"
  reads=$((reads + 1))
done
wait "$writer"
CHECKS=$((CHECKS + 1))
[ -s "$WORK/readers.err" ] && fail "$reads reads during writes; failures: $(sort "$WORK/readers.err" | uniq -c | head -5)"
CHECKS=$((CHECKS + 1))
[ "$reads" -ge 5 ] || fail "only $reads reads ran while the writer wrote"
CHECKS=$((CHECKS + 1))
[ -e "$WORK/writer.err" ] && fail "writer failed: $(cat "$WORK/writer.err")"

# --- 7. Limits of the process: the message names the cause, never a signal.
rm -rf "$WORK/lim.db"
(ulimit -f 40; "$I" -q --db "$WORK/lim.db" "$WORK/corpus" "$SEEDS") >"$WORK/out" 2>"$WORK/err"
rc=$?
CHECKS=$((CHECKS + 1))
[ "$rc" = 1 ] || fail "ulimit -f: exited $rc, expected 1; stderr: $(head -c 300 "$WORK/err")"
expect_grep 'file too large' cat "$WORK/err"
(ulimit -n 6; "$Q" peace) >"$WORK/out" 2>"$WORK/err"
rc=$?
CHECKS=$((CHECKS + 1))
[ "$rc" = 1 ] || fail "ulimit -n: exited $rc, expected 1"
expect_grep 'too many open files' cat "$WORK/err"
CHECKS=$((CHECKS + 1))
grep -q 'Rebuild\|rebuild' "$WORK/err" && fail "ulimit -n: told to rebuild a healthy database: $(cat "$WORK/err")"
if [ "$asan" = 0 ]; then
  # Address-space limits below what indexing needs: "out of memory", exit 1, no abort.
  for v in 120000 160000 200000; do
    rm -rf "$WORK/mem.db"
    (ulimit -v "$v"; "$I" -q --db "$WORK/mem.db" "$WORK/corpus" "$SEEDS") >"$WORK/out" 2>"$WORK/err"
    rc=$?
    CHECKS=$((CHECKS + 1))
    case "$rc" in
      0) ;;
      1) grep -q 'out of memory' "$WORK/err" || fail "ulimit -v $v: exit 1 without 'out of memory': $(head -c 300 "$WORK/err")" ;;
      *) fail "ulimit -v $v: exited $rc: $(head -c 300 "$WORK/err")" ;;
    esac
    CHECKS=$((CHECKS + 1))
    grep -q 'terminate called' "$WORK/err" && fail "ulimit -v $v: terminate called"
  done
fi
finish
