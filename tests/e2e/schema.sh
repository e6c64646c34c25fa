# The schema table as users see it: --fields, --explain with field names, enum
# options, fields without a value (issue 15).
source "$(dirname "$0")/lib.bash"
index_seeds
Q="$BIN/newsfacet-query"

# --fields needs no database and lists every field, its prefixes and slots.
out=$(NEWSFACET_DB="$WORK/none" "$Q" --fields)
for pat in '^place +XPLACE +boolean +4 ' '^date +D M Y +date +0 ' '^mentioned +XMD XMM XMY ' 'facets place, place:all, place:country, place:city' \
           '^3 +countries ' 'also published'; do
  CHECKS=$((CHECKS + 1))
  echo "$out" | grep -qE -- "$pat" || fail "--fields lacks /$pat/"
done
json=$("$Q" --fields --format json)
for pat in '"schema_version": [0-9]+' '"name": "place:country",\s*"slot": 3,\s*"filter": "country"' '"aliases": \[\s*"published"\s*\]'; do
  CHECKS=$((CHECKS + 1))
  echo "$json" | tr -d '\n' | grep -qP -- "$pat" || fail "--fields --format json lacks /$pat/"
done

# --explain reads as fields and operators, not term prefixes.
expect_grep '^query: .*stem:ceasefir.*AND.*place:japan' "$Q" --explain 'ceasefire place:Japan'
expect_grep '^query: .*date:2024' "$Q" --explain -f published=2024 ''
CHECKS=$((CHECKS + 1))
"$Q" --explain 'ceasefire place:Japan' | grep -q 'XPLACE' && fail "--explain shows raw prefixes"
CHECKS=$((CHECKS + 1))
"$Q" --format json --explain 'place:Japan' | tr -d '\n' | grep -qE '"parsed": ".*XPLACEjapan.*"analysis": "place:japan"' || fail "JSON --explain lacks parsed or analysis"

# A field with no value is an error, not a search for the word.
expect_rc 2 "$Q" 'place:'
expect_rc 2 "$Q" 'peace speaker: '
expect_rc 2 "$Q" '(place:)'
expect_rc 0 "$Q" '"note: place: here"'

# Closed choices: listed in --help, checked, case-insensitive.
expect_grep '\{text,json\}' "$Q" --help
expect_grep '\{relevance,date\}' "$Q" --help
expect_rc 2 "$Q" --format xml ''
expect_rc 2 "$Q" --sort size ''
expect_rc 0 "$Q" --format JSON ''
expect_grep '"total": 3' "$Q" --format json --sort date --facet-sort value ''

# Facet levels filter as NAME:LEVEL=VALUE.
expect_ids "$S2" -f place:city=Tokyo ''
expect_ids "$S0 $S1" -f published:year=2024 ''
expect_rc 2 "$Q" -f place:town=Paris ''
finish
