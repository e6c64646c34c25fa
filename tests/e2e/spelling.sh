# "Did you mean" (issue 16): newsfacet-index writes spelling data for article words;
# newsfacet-query suggests a corrected query for words no article holds, in text
# output, on stderr with --count, and as "did_you_mean" in JSON. Field values are
# left to their own suggestions.
source "$(dirname "$0")/lib.bash"
index_seeds
Q="$BIN/newsfacet-query"

expect_grep '^did you mean: ceasefire\?$' "$Q" cesefire
expect_grep '^0 matches' "$Q" cesefire
# JSON: the member, null when every word is in the index.
expect_grep '"did_you_mean": "ceasefire"' "$Q" --format json cesefire
expect_grep '"did_you_mean": null' "$Q" --format json ceasefire
expect_grep '"did_you_mean": null' "$Q" --format json ''
# A word with hits next to one without (OR): the missing one is corrected, the rest kept,
# operators, phrases and capitals too.
expect_grep '^did you mean: Gallant OR "defence secretary"\?$' "$Q" 'Gallent OR "defence secetary"'
expect_grep '"did_you_mean": "ceasefire OR Healey"' "$Q" --format json 'cesefire OR Healey'
# Field values are not corrected here (speaker:, place: suggest their own values).
expect_grep '"did_you_mean": "speaker:Healy ceasefire"' "$Q" --format json 'speaker:Healy cesefire'
expect_grep '"did_you_mean": null' "$Q" --format json 'place:Isreal'
expect_grep 'did you mean Israel' "$Q" 'place:Isreal'
# Wildcards and words nothing is near are left alone.
expect_grep '"did_you_mean": null' "$Q" --format json 'cesef*'
expect_grep '"did_you_mean": null' "$Q" --format json 'qqqqqqqq'
# --count: stdout keeps the bare number, the suggestion goes to stderr.
CHECKS=$((CHECKS + 1))
out=$("$Q" --count cesefire 2>"$WORK/err")
[ "$out" = 0 ] || fail "--count cesefire printed [$out], expected [0]"
grep -q '^newsfacet-query: note: did you mean: ceasefire?$' "$WORK/err" || fail "--count: no suggestion on stderr: $(cat "$WORK/err")"
CHECKS=$((CHECKS + 1))
out=$("$Q" --output ids cesefire 2>"$WORK/err")
[ -z "$out" ] && grep -q 'did you mean: ceasefire' "$WORK/err" || fail "--output ids: [$out] / $(cat "$WORK/err")"
# Quotes are searched with the articles' spelling data.
expect_grep '"did_you_mean": "Healey' "$Q" --quotes --format json 'Healee'

# Deleting every article takes its words out of the spelling data: no suggestion,
# no error (as for a database indexed before spelling data was written).
"$BIN/newsfacet-index" -q --delete "$S0" --delete "$S1" --delete "$S2" || fail "delete exited $?"
expect_grep '"did_you_mean": null' "$Q" --format json cesefire
expect_rc 0 "$Q" cesefire
# Re-indexing brings them back.
index_seeds
expect_grep '^did you mean: ceasefire\?$' "$Q" cesefire
finish
