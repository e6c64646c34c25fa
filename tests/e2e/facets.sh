# Facets: exact counts, drill-down, multi-select (issue 7).
source "$(dirname "$0")/lib.bash"
index_seeds

out=$("$BIN/newsfacet-query" --format json --facet speaker '')
for row in '"value": "John Healey",\s*"count": 2' '"value": "David Lammy",\s*"count": 1' '"value": "Imran Hussain",\s*"count": 1' \
           '"value": "James Cleverley",\s*"count": 1' '"exact": true'; do
  CHECKS=$((CHECKS + 1))
  echo "$out" | tr -d '\n' | grep -qP "$row" || fail "--facet speaker lacks /$row/"
done

# Multi-select: with a speaker selected, the speaker facet still lists the others.
out=$("$BIN/newsfacet-query" --format json --facet speaker -f speaker="John Healey" '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "David Lammy",\s*"count": 1' || fail "multi-select lost the other speakers"
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "John Healey",\s*"count": 2,\s*"selected": true' || fail "selected value not marked"
expect_ids "$S0 $S1" --facet speaker -f speaker="John Healey" ''
expect_ids "$S1" -f speaker="John Healey" -f place=Qatar ''
expect_ids "$S0 $S1 $S2" -f place=Qatar -f place=Japan -f place=London ''
expect_ids "$S0 $S1" -f published=2024 ''

# A facet governed by two filters (place and city) is counted without both.
out=$("$BIN/newsfacet-query" --format json --facet place -f place=Qatar -f city="Tel Aviv" '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "Israel",\s*"count": 3' || fail "place facet with place and city filters not counted over all"
out=$("$BIN/newsfacet-query" --format json --facet place '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "Israel",\s*"count": 3' || fail "--facet place lacks Israel 3"
out=$("$BIN/newsfacet-query" --format json --facet place:country '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "Japan",\s*"count": 1' || fail "--facet place:country lacks Japan 1"
out=$("$BIN/newsfacet-query" --format json --facet published:year '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"value": "2024",\s*"count": 2' || fail "--facet published:year lacks 2024 2"
out=$("$BIN/newsfacet-query" --format json --facet-prefix place=Isr '')
CHECKS=$((CHECKS + 1))
echo "$out" | tr -d '\n' | grep -qP '"place": \[\s*\{\s*"value": "Israel",\s*"count": 3\s*\}\s*\]' || fail "--facet-prefix place=Isr: $(echo "$out" | tr -d '\n' | grep -oP '"facets".*')"
expect_grep 'John Healey +2 █' "$BIN/newsfacet-query" --facet speaker ''
expect_grep '^3$' "$BIN/newsfacet-query" --count ''
expect_grep '^1$' "$BIN/newsfacet-query" --count -f place=Qatar ''
expect_rc 2 "$BIN/newsfacet-query" --facet colour ''
expect_rc 2 "$BIN/newsfacet-query" -f colour=red ''
expect_rc 2 "$BIN/newsfacet-query" -f nonsense ''
finish
