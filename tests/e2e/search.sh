# Foundation: ranked search over seeds/ through the real binaries (issue 2).
source "$(dirname "$0")/lib.bash"
index_seeds

expect_ids "$S0 $S2" ceasefire
expect_ids "$S0 $S2" ceasefires
expect_ids "$S0 $S2" CEASEFIRE
expect_ids "$S0 $S2" 'ceasef*'
expect_ids "$S2" '"two-state solution"'
expect_ids "$S2" 'two-state'
expect_ids "$S1" de-escalation
expect_ids "$S1" deescalation
expect_ids "$S0" 42,000
expect_ids "$S0" 42000
expect_ids "$S0 $S1 $S2" 'Israel-Hamas OR Israel'
expect_ids "$S0 $S2" 'Israel-Hamas'
expect_ids "$S0" 'hamas-led'
expect_ids "$S0 $S1 $S2" "Britain’s OR \"I've said\""
expect_ids "$S0" "\"I've said\""
expect_ids "$S0" "\"I’ve said\""
expect_ids "$S1 $S2" 'Britain’s'
expect_ids "$S0 $S1 $S2" "britain's"   # lower case is stemmed: the possessive goes
expect_ids "$S0 $S1" 'ceasefire AND NOT Tokyo OR Lammy'
expect_ids "$S0" 'ceasefire AND NOT (Tokyo OR Gallant-free)'
expect_ids "$S0 $S1 $S2" 'AND'
expect_ids "$S1 $S2" 'not'
expect_ids "$S1" 'NOT ceasefire'
expect_ids "$S0 $S1" 'Healey -Tokyo'
expect_ids "$S0 $S1" 'title:Healey OR title:Tel'
expect_ids "$S0" 'title:anniversary'
expect_ids "" 'title:Tokyo'
expect_ids "$S0 $S1 $S2" ''
expect_ids "" 'zzzznotaword'
expect_ids "$S0" 'id:000_9a5ad2e1a0c9bfef'

# Ranking: a title match ranks first.
CHECKS=$((CHECKS + 1))
first=$("$BIN/newsfacet-query" --format json peace | grep -m1 -oE '"id": "[^"]*"')
[ "$first" = "\"id\": \"$S0\"" ] || fail "peace: first hit $first, expected $S0 (title match)"

# Limit and offset page through hits.
expect_grep '^2\. UK defence secretary' "$BIN/newsfacet-query" --sort date --reverse --limit 1 --offset 1 ''
expect_grep '^1\. Healey makes' "$BIN/newsfacet-query" --sort date --limit 1 ''

# Exit statuses: 0 with no hits, 2 for syntax, 1 for a missing database.
expect_rc 0 "$BIN/newsfacet-query" zzzznotaword
expect_rc 2 "$BIN/newsfacet-query" 'foo AND OR ('
expect_rc 2 "$BIN/newsfacet-query" '"unterminated phrase'
expect_rc 2 "$BIN/newsfacet-query" 'a)'
expect_rc 2 "$BIN/newsfacet-query" --no-such-option x
expect_rc 1 "$BIN/newsfacet-query" --db "$WORK/nope.db" ceasefire
expect_grep 'column' "$BIN/newsfacet-query" 'foo (bar'
expect_grep 'no database at' "$BIN/newsfacet-query" --db "$WORK/nope.db" ceasefire

# Text output: title, date, id, snippet with the match marked, count and time.
expect_grep 'Healey makes new push' "$BIN/newsfacet-query" ceasefire
expect_grep '2024-10-07 · 000_9a5ad2e1a0c9bfef · score' "$BIN/newsfacet-query" ceasefire
expect_grep '«ceasefire»' "$BIN/newsfacet-query" ceasefire
expect_grep '^2 matches.* in [0-9.]+ ms$' "$BIN/newsfacet-query" ceasefire
expect_grep '^query: stem:ceasefir$' "$BIN/newsfacet-query" --explain ceasefire
expect_grep '^3$' "$BIN/newsfacet-query" --count ''

# JSON: the documented shape (docs/json.md).
"$BIN/newsfacet-query" --format json ceasefire >"$WORK/json"
for key in '"format_version": 1' '"query": "ceasefire"' '"total": 2' '"exact": true' '"hits": \[' '"rank": 1' '"id": ' \
           '"path": ' '"title": ' '"published": "20' '"score": ' '"snippet": ' '"highlights": \[' '"speakers": \[' \
           '"people": \[' '"places": \[' '"mentioned": \[' '"facets": \{'; do
  CHECKS=$((CHECKS + 1))
  grep -qE "$key" "$WORK/json" || fail "JSON lacks $key"
done
if command -v python3 >/dev/null; then
  CHECKS=$((CHECKS + 1))
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"]==2 and len(d["hits"])==2' "$WORK/json" || fail "JSON does not parse or has wrong counts"
fi
finish
