# Answers that mean what they say (issue 11): pure negative queries, unknown fields
# and values, the indexer's summary.
source "$(dirname "$0")/lib.bash"
Q="$BIN/newsfacet-query"

# 10. The summary counts articles and quotes apart.
"$BIN/newsfacet-index" "$SEEDS" 2>"$WORK/index.err" || fail "indexing seeds exited $?"
CHECKS=$((CHECKS + 1))
grep -qE 'holds 3 articles and [0-9]+ quotes' "$WORK/index.err" || fail "summary: $(tail -1 "$WORK/index.err")"

# 5. Only excluded words: every document except those.
expect_ids "$S2" -- -healey
expect_ids "$S2" 'NOT healey'
expect_ids "" -- '-healey -cleverly'
expect_ids "$S0 $S1" -- '-"imran hussain"'
expect_ids "$S0" -- '-place:Qatar -place:Japan'
expect_ids "$S2" -- '-(healey OR gallant)'
n_all=$("$Q" --quotes --count '')
n_peace=$("$Q" --quotes --count peace)
n_not=$("$Q" --quotes --count -- -peace)
CHECKS=$((CHECKS + 1))
[ "$n_not" = $((n_all - n_peace)) ] || fail "--quotes -peace gave $n_not, expected $n_all - $n_peace"
expect_ids "$S0 $S1" 'healey -nonexistentword'

# 6. Unknown fields warn (stderr and JSON), naming the fields there are.
expect_rc 0 "$Q" 'body:euro'
CHECKS=$((CHECKS + 1))
grep -q 'unknown field "body:".*speaker, person, place' "$WORK/err" || fail "body:euro: no warning naming the fields: $(cat "$WORK/err")"
# ... once, on stderr: stdout keeps the number alone for --count, the hits otherwise.
CHECKS=$((CHECKS + 1))
out=$("$Q" --count 'body:euro' 2>"$WORK/err2")
[ "$out" = 0 ] || fail "--count body:euro printed more than the number on stdout: $out"
CHECKS=$((CHECKS + 1))
[ "$(grep -c 'unknown field' "$WORK/err2")" = 1 ] || fail "--count body:euro: the note not once on stderr: $(cat "$WORK/err2")"
CHECKS=$((CHECKS + 1))
"$Q" 'body:euro healey' 2>/dev/null | grep -q 'unknown field' && fail "a note on stdout beside the hits"
CHECKS=$((CHECKS + 1))
"$Q" --format json 'author:x' 2>/dev/null | tr -d '\n' | grep -qE '"warnings": \[\s*"unknown field \\"author:\\"' || fail "author:x: no JSON warning"
CHECKS=$((CHECKS + 1))
"$Q" 'http://example.com ceasefire' 2>&1 | grep -q 'unknown field' && fail "a URL read as a field"
CHECKS=$((CHECKS + 1))
"$Q" 'place:Japan' 2>&1 | grep -q 'unknown field' && fail "place: read as unknown"

# ... and unknown values get the nearest values in the index.
expect_grep 'place:Jpan matches nothing.*did you mean Japan\?' "$Q" 'place:Jpan'
expect_grep 'speaker:Healy matches nothing.*did you mean John Healey\?' "$Q" 'speaker:Healy'
expect_grep 'person:Yoav Galant matches nothing.*did you mean Yoav Gallant\?' "$Q" 'person:"Yoav Galant"'
CHECKS=$((CHECKS + 1))
"$Q" --format json -f place=Jpan '' 2>/dev/null | tr -d '\n' | grep -qE '"warnings": \[\s*"place:Jpan matches nothing in the index; did you mean Japan\?"' || fail "-f place=Jpan: no JSON suggestion"
CHECKS=$((CHECKS + 1))
"$Q" 'place:Peru' 2>&1 | grep -q 'did you mean' && fail "a real place that no article names got a suggestion"
finish
