# Entity filters on the seeds: places (issue 4), speakers (issue 5), dates (issue 6).
source "$(dirname "$0")/lib.bash"
index_seeds

# Places: aliases, case, the city -> country hierarchy.
expect_ids "$S1" 'place:Qatar'
expect_ids "$S2" 'place:Japan'
expect_ids "$S2" 'place:Tokyo'
expect_ids "$S2" 'place:tokyo'
expect_ids "$S0 $S1 $S2" 'place:UK'
expect_ids "$S0 $S1 $S2" 'place:Britain'
expect_ids "$S0 $S1 $S2" 'place:"United Kingdom"'
expect_ids "$S0 $S1 $S2" 'place:u.k.'
expect_ids "$S1" 'place:"Tel Aviv"'
expect_ids "$S0" 'place:London'
expect_ids "$S2" 'place:Bradford'
expect_ids "$S2" 'city:Tokyo'
expect_ids "" 'place:Atlantis'
expect_ids "$S2" 'ceasefire place:Japan'

# Speakers and people.
expect_ids "$S0 $S1" 'speaker:"John Healey"'
expect_ids "$S0 $S1" 'speaker:Healey'
expect_ids "$S0 $S1" 'speaker:healey'
expect_ids "$S0" 'speaker:Lammy'
expect_ids "$S0 $S1" 'person:Lammy'
expect_ids "$S2" 'speaker:Cleverly'
expect_ids "$S2" 'speaker:Cleverley'
expect_ids "$S2" 'speaker:"Imran Hussain"'
expect_ids "" 'speaker:Corbyn'
expect_ids "$S2" 'person:Corbyn'
expect_ids "$S0" 'speaker:Healey ceasefire'
expect_grep '^1\. David Lammy' "$BIN/newsfacet-query" --quotes '"painful day"'
expect_grep '«peace»' "$BIN/newsfacet-query" --quotes peace speaker:Healey
expect_ids "$S0 $S1" --quotes peace speaker:Healey
"$BIN/newsfacet-query" --quotes --format json '"painful day"' >"$WORK/q.json"
for key in '"speaker": "David Lammy"' '"text": "This is a painful day' '"article": "'$S0'"' '"published": "2024-10-07"'; do
  CHECKS=$((CHECKS + 1))
  grep -qF "$key" "$WORK/q.json" || fail "--quotes JSON lacks $key"
done

# Dates: publication and mentioned, with ranges.
expect_ids "$S0 $S1" 'date:2024'
expect_ids "$S2" 'date:2023-11'
expect_ids "$S2" 'date:2023-11-08'
expect_ids "$S0 $S1" 'date:2024-08..2024-12'
expect_ids "$S2" 'date:..2023-12-31'
expect_ids "$S0 $S1" 'date:2024-08..'
expect_ids "$S0 $S1 $S2" 'date:2023..2024'
expect_ids "$S0 $S2" 'mentioned:2023-10-07'
expect_ids "$S0" 'mentioned:2023-10-27'
expect_ids "$S1" 'mentioned:2024-04'
expect_ids "$S2" 'mentioned:2023-11-07'
expect_ids "$S0 $S2" 'mentioned:2023-10'
expect_ids "$S0 $S2" 'mentioned:2023-10-01..2023-10-31'
expect_rc 2 "$BIN/newsfacet-query" 'date:2024-13'
expect_rc 2 "$BIN/newsfacet-query" 'date:..'
expect_rc 2 "$BIN/newsfacet-query" 'mentioned:2024-02-30'
expect_rc 2 "$BIN/newsfacet-query" 'date:2024..2023'
# Ranges outside the data match nothing (they are not clamped into it), open ends
# work on either side, and an impossible day is an error even at an open range.
expect_ids "" 'date:1999..2000'
expect_ids "" 'date:2030..'
expect_ids "" 'date:..1980'
expect_ids "$S0 $S1 $S2" 'date:..2030'
expect_ids "$S0 $S1 $S2" 'date:1980..'
expect_ids "$S2" 'date:1980..2023'
expect_ids "" 'date:2024-01..2024-07'
expect_rc 2 "$BIN/newsfacet-query" 'date:2023-02-30..'
expect_rc 2 "$BIN/newsfacet-query" 'date:2024-11..2024-10'
CHECKS=$((CHECKS + 1))
order=$("$BIN/newsfacet-query" --format json --sort date '' | grep -oE '"id": "[^"]*"' | tr -d '\n')
[ "$order" = "\"id\": \"$S0\"\"id\": \"$S1\"\"id\": \"$S2\"" ] || fail "--sort date order: $order"

# JSON hits carry the entities.
"$BIN/newsfacet-query" --format json 'Tokyo' >"$WORK/e.json"
for key in '"Tokyo"' '"Japan"' '"James Cleverley"' '"published": "2023-11-08"' '"value": "2023-11-07"'; do
  CHECKS=$((CHECKS + 1))
  grep -qF "$key" "$WORK/e.json" || fail "JSON hit lacks $key"
done

# --explain says which rule put a hit under the facet value it matched.
expect_grep 'why: place Japan: contains Tokyo' "$BIN/newsfacet-query" --explain place:Japan
expect_grep 'why: speaker John Healey' "$BIN/newsfacet-query" --explain speaker:Healey
finish
