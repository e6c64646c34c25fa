# --pivot A,B (issue 16): matches per pair of values of two facets. Every cell (and
# every row and column total) must be what selecting the values with -f gives, for
# articles and quotes, with a query and a drill-down, as JSON, text and --count.
source "$(dirname "$0")/lib.bash"
index_seeds
Q="$BIN/newsfacet-query"

# cells PIVOT-ARGS...: "row|column|count" for every cell of the JSON pivot, and
# "row||count" / "|column|count" for the totals.
cells() {
  "$Q" --format json -n 0 "$@" | awk '
    /"column_values": \[/ { mode = "c" }
    /"row_values": \[/ { mode = "r" }
    /"value": / { v = $0; sub(/^[^:]*: "/, "", v); sub(/",?$/, "", v) }
    /"count": / { n = $2; sub(/,/, "", n); if (mode == "c") { col[nc++] = v; print "|" v "|" n } else if (mode == "r") { row = v; print v "||" n } }
    /"cells": \[/ { incells = 1; k = 0; next }
    incells && /\]/ { incells = 0; next }
    incells { x = $1; sub(/,/, "", x); print row "|" col[k++] "|" x }'
}

# check_pivot A B [ARGS...]: each cell and total equals --count with -f.
check_pivot() {
  local a=$1 b=$2; shift 2
  local n=0 row col count got sel
  while IFS='|' read -r row col count; do
    sel=()
    [ -n "$row" ] && sel+=(-f "$a=$row")
    [ -n "$col" ] && sel+=(-f "$b=$col")
    CHECKS=$((CHECKS + 1)); n=$((n + 1))
    got=$("$Q" --count "${sel[@]}" "$@" 2>/dev/null)
    [ "$got" = "$count" ] || fail "--pivot $a,$b $*: [$row] x [$col] is $count, -f selects $got"
  done < <(cells --pivot "$a,$b" --facet-limit 100 "$@")
  CHECKS=$((CHECKS + 1))
  [ "$n" -gt 3 ] || fail "--pivot $a,$b $*: only $n cells"
}

check_pivot speaker published:month ''
check_pivot place:country mentioned:year ''
check_pivot person place ''
check_pivot published:year speaker ''
check_pivot place:city place:country ''
check_pivot speaker place:country --quotes ''
check_pivot speaker published:day --quotes peace
check_pivot person mentioned:month -f place=Israel ''
check_pivot speaker place:country 'Israel OR Tokyo'

# Text: a table with the column values as headers, rows, an "all" row and column.
expect_grep '^speaker × published:month' "$Q" --pivot speaker,published:month ''
expect_grep '^ +2023-11 +2024-08 +2024-10 +all$' "$Q" --pivot speaker,published:month ''
expect_grep '^   John Healey +· +1 +1 +2$' "$Q" --pivot speaker,published:month ''
expect_grep '^   all ' "$Q" --pivot speaker,published:month ''
# --count: the table, then the number.
CHECKS=$((CHECKS + 1))
[ "$("$Q" --count --pivot speaker,published:month '' | tail -1)" = 3 ] || fail "--count --pivot does not end with the count"
# --facet-limit limits both axes and says how many are left out.
expect_grep '… [0-9]+ more speaker and [0-9]+ more place:country values' "$Q" --pivot speaker,place:country --facet-limit 1 ''
CHECKS=$((CHECKS + 1))
[ "$(cells --pivot speaker,place:country --facet-limit 2 '' | grep -c .)" = $((2 + 2 + 4)) ] || fail "--facet-limit 2: not 2 rows x 2 columns"
# JSON structure.
expect_grep '"rows": "speaker"' "$Q" --format json --pivot speaker,published:month ''
expect_grep '"columns": "published:month"' "$Q" --format json --pivot speaker,published:month ''
expect_grep '"other_rows": 0' "$Q" --format json --pivot speaker,published:month ''
if command -v python3 >/dev/null; then
  CHECKS=$((CHECKS + 1))
  "$Q" --format json --pivot speaker,published:month '' >"$WORK/json"
  python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["pivot"]
cols = [c["value"] for c in p["column_values"]]
assert cols == sorted(cols), cols
for r in p["row_values"]:
    assert len(r["cells"]) == len(cols) and sum(r["cells"]) >= r["count"] > 0
' "$WORK/json" || fail "pivot JSON is malformed"
fi
# No match: an empty table, not an error.
expect_grep '\(none\)' "$Q" --pivot speaker,published qqqqqqqq
# Usage errors.
expect_rc 2 "$Q" --pivot speaker ''
expect_rc 2 "$Q" --pivot speaker,speaker ''
expect_rc 2 "$Q" --pivot speaker,published,place ''
expect_rc 2 "$Q" --pivot speaker,colour ''
finish
