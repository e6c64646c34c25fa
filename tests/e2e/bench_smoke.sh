# newsfacet-bench on the seeds (issue 8): it runs, and its counts are right. Timings
# are the benchmark's business, not the test suite's: nothing here checks a speed.
source "$(dirname "$0")/lib.bash"
BENCH="$BIN/newsfacet-bench"

# check NAME WANT GOT
check() {
  CHECKS=$((CHECKS + 1))
  [ "$2" = "$3" ] || fail "$1: got [$3], expected [$2]"
}
# json_num KEY FILE: the first number after "KEY": in a result file.
json_num() { tr -d '\n ' <"$2" | grep -oE "\"$1\":[0-9.]+" | head -1 | cut -d: -f2; }

# Generator: N articles, deterministic for a seed, different for another seed.
"$BENCH" generate --from "$SEEDS" --count 25 --seed 7 --out "$WORK/a.jsonl" >/dev/null || fail "generate exited $?"
"$BENCH" generate --from "$SEEDS" --count 25 --seed 7 --out "$WORK/b.jsonl" >/dev/null
"$BENCH" generate --from "$SEEDS" --count 25 --seed 8 --out "$WORK/c.jsonl" >/dev/null
check "generated lines" 25 "$(wc -l <"$WORK/a.jsonl" | tr -d ' ')"
CHECKS=$((CHECKS + 1)); cmp -s "$WORK/a.jsonl" "$WORK/b.jsonl" || fail "same seed gave different corpora"
CHECKS=$((CHECKS + 1)); cmp -s "$WORK/a.jsonl" "$WORK/c.jsonl" && fail "another seed gave the same corpus"
check "generated dates" 25 "$(grep -cE '"date":"20[0-9]{2}-[0-9]{2}-[0-9]{2}"' "$WORK/a.jsonl")"

# The benchmark on the seeds: 2 queries per class × 6 classes (word, and, phrase, each
# also with a filter: every seed has places), 1 timed pass × 7 searches each (newsfacet
# ×3, plain Xapian ×2, SQLite FTS5 ×2), one one-shot pair per class.
out=$("$BENCH" run "$SEEDS" --work "$WORK/run" --per-class 2 --warmup 0 --runs 1 --cold-per-class 1 --cold-runs 1 \
      --json "$WORK/r.json" 2>&1)
rc=$?
check "run exit status" 0 "$rc"
CHECKS=$((CHECKS + 1))
echo "$out" | grep -q "articles indexed: newsfacet 3, plain 3, FTS5 3" || fail "run did not index 3 articles each: $out"
check "indexed (newsfacet)" 3 "$(tr -d '\n ' <"$WORK/r.json" | grep -oE '"newsfacet":\{"docs":[0-9]+' | grep -oE '[0-9]+$')"
check "indexed (xapian)" 3 "$(tr -d '\n ' <"$WORK/r.json" | grep -oE '"xapian":\{"docs":[0-9]+' | grep -oE '[0-9]+$')"
check "indexed (fts5)" 3 "$(tr -d '\n ' <"$WORK/r.json" | grep -oE '"fts5":\{"docs":[0-9]+' | grep -oE '[0-9]+$')"
check "queries" 12 "$(json_num count "$WORK/r.json")"
check "searches timed" 84 "$(json_num searches "$WORK/r.json")"
check "failed" 0 "$(json_num failed "$WORK/r.json")"
check "inexact facet counts" 0 "$(json_num inexact "$WORK/r.json")"
# One-shot pairs need Xapian's quest (xapian-tools, which scripts/ installs).
if command -v quest >/dev/null; then check "one-shot pairs" 6 "$(json_num pairs "$WORK/r.json")"; fi
# Every generated query was built from an indexed article, so each matches something.
check "queries with no match" 0 "$(tr -d '\n ' <"$WORK/r.json" | grep -oE '"matches":[0-9]+' | grep -c '"matches":0$')"

# A query file, and reuse of the databases.
printf '# comment\nword\tisrael\nfiltered\tisrael place:Israel\nceasefire\n' >"$WORK/q.txt"
"$BENCH" run "$SEEDS" --work "$WORK/run" --reuse-index --queries "$WORK/q.txt" --warmup 0 --runs 2 --cold-per-class 0 \
  --json "$WORK/q.json" >/dev/null 2>&1 || fail "run --queries exited $?"
check "file queries" 3 "$(json_num count "$WORK/q.json")"
check "file searches" 42 "$(json_num searches "$WORK/q.json")"

# SQLite FTS5 beside the two Xapian engines on a tiny generated corpus (seconds): every
# article in its index, every query translated and run, and on queries without a filter
# the same match counts as newsfacet (the generated words are plain lowercase ASCII,
# where the two stemmers agree).
"$BENCH" run "$WORK/a.jsonl" --work "$WORK/fts" --per-class 3 --warmup 0 --runs 1 --cold-per-class 0 \
  --json "$WORK/f.json" >"$WORK/f.out" 2>&1 || fail "run on 25 generated articles exited $?: $(cat "$WORK/f.out")"
check "indexed (fts5, generated)" 25 "$(tr -d '\n ' <"$WORK/f.json" | grep -oE '"fts5":\{"docs":[0-9]+' | grep -oE '[0-9]+$')"
check "failed (fts5 run)" 0 "$(json_num failed "$WORK/f.json")"
check "FTS5 count mismatches" 0 "$(json_num fts5_count_mismatches "$WORK/f.json")"
CHECKS=$((CHECKS + 1))
grep -q "SQLite FTS5 ÷ newsfacet: top-10 p50" "$WORK/f.out" || fail "no FTS5 ratio line: $(cat "$WORK/f.out")"

if command -v gnuplot >/dev/null; then
  "$BENCH" plot "$WORK/r.json" "$WORK/q.json" --out "$WORK/latency.png" >/dev/null 2>&1 || fail "plot exited $?"
  CHECKS=$((CHECKS + 1)); [ -s "$WORK/latency.png" ] || fail "plot wrote no PNG"
fi
finish
