# Speakers as newsfacet-index finds them (docs/speakers.md), one row per article:
# TEXT and the speaker its first quote must get. Through the binary because the
# indexer's people finder (tagger and shared tokens) splits some names the unit
# tests' finder keeps whole. Invented text only.
source "$(dirname "$0")/lib.bash"
rows=(
  # A credit line of name-shaped words the finder splits or does not see.
  '“The debate was a mess.” ― Maria N Luis Orrin'$'\t''Maria N Luis Orrin'
  '“The debate was a mess.” ― Ana Sofia Vela Orrin.'$'\t''Ana Sofia Vela Orrin'
  # The name before the colon after a verb of telling is the hearer.
  'Gordon Ames told Peter Kell: "We cannot go on like this."'$'\t''Gordon Ames'
  # A quote nested in a quote is part of it; the outer quote keeps its credit.
  '“I would rather stay in what he calls “hell” than move.” ― Ann Bell'$'\t''Ann Bell'
)
n=0
for row in "${rows[@]}"; do
  n=$((n + 1))
  text=${row%%$'\t'*}
  want=${row#*$'\t'}
  printf '%s\n' "$text" >"$WORK/a$n.txt"
  expect_grep "\"quotes\":\[\{[^]]*\"speaker\":\"$want\"" "$BIN/newsfacet-index" -n --format json "$WORK/a$n.txt"
done
finish
