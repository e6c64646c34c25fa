# Stored facet columns (common/facet_columns.h, docs/schema.md "Metadata"): facets
# counted from the columns newsfacet-index stores are byte for byte those counted from
# the value streams (NEWSFACET_FACET_COLUMNS=off), after every kind of writing run:
# a first index, --delete, a changed file read again (replace), an unchanged run
# (skip), --prune and --delete-file. NEWSFACET_FACET_COLUMNS=stored fails unless
# the columns are there and valid for the database's revision, so each comparison
# is known to have used them.
source "$(dirname "$0")/lib.bash"
X="$BIN/newsfacet-index"
Q="$BIN/newsfacet-query"
A="$WORK/archive"
mkdir -p "$A/copies"
cp "$SEEDS"/*.txt "$SEEDS/manifest.tsv" "$A/"
# The same articles again under other sources: more documents, larger counts.
cp "$SEEDS/$S0.txt" "$A/copies/a.txt"
cp "$SEEDS/$S1.txt" "$A/copies/b.txt"
cp "$SEEDS/$S2.txt" "$A/copies/c.txt"

specs=$("$Q" --fields --format json | tr -d '\n' | grep -oP '"facets": \[.*?\]' | grep -oP '"name": "\K[a-z]+(:[a-z]+)?(?=",\s*"slot")' | tr '\n' ',' | sed 's/,$//')
CHECKS=$((CHECKS + 1))
[[ "$specs" == *place:country* ]] || fail "--fields lists no facet levels: $specs"

# same_counts WHAT: every facet, for several queries, articles and quotes, with and
# without a drill-down filter (multi-select passes), stored columns against streams.
same_counts() {
  local what=$1 mode query flag
  for mode in articles quotes; do
    flag=(); [ "$mode" = quotes ] && flag=(--quotes)
    # A speaker the collection has, for a drill-down filter.
    local who
    who=$(NEWSFACET_FACET_COLUMNS=off "$Q" "${flag[@]}" --count --facet speaker --facet-limit 1 '' | sed -n '2p' | sed -E 's/^ +//; s/ +[0-9]+ .*$//')
    for query in '' said 'place:europe' zzzznothing; do
      local args=("${flag[@]}" --count --facet "$specs" --facet-limit 100000)
      for filter in none speaker; do
        local extra=()
        [ "$filter" = speaker ] && [ -n "$who" ] && extra=(-f "speaker=$who")
        CHECKS=$((CHECKS + 1))
        NEWSFACET_FACET_COLUMNS=off "$Q" "${args[@]}" "${extra[@]}" "$query" >"$WORK/streams" 2>&1
        local rc_off=$?
        NEWSFACET_FACET_COLUMNS=stored "$Q" "${args[@]}" "${extra[@]}" "$query" >"$WORK/stored" 2>&1
        local rc_stored=$?
        "$Q" "${args[@]}" "${extra[@]}" "$query" >"$WORK/default" 2>&1
        if [ "$rc_off" != 0 ] || [ "$rc_stored" != 0 ]; then
          fail "$what: $mode '$query' ${extra[*]}: exit $rc_off (streams), $rc_stored (stored): $(head -c 300 "$WORK/stored")"
        elif ! cmp -s "$WORK/streams" "$WORK/stored" || ! cmp -s "$WORK/streams" "$WORK/default"; then
          fail "$what: $mode '$query' ${extra[*]}: stored columns count otherwise: $(diff "$WORK/streams" "$WORK/stored" | head -20)"
        fi
      done
    done
  done
  # Something was counted: the comparisons are not of empty outputs.
  CHECKS=$((CHECKS + 1))
  NEWSFACET_FACET_COLUMNS=stored "$Q" --count --facet speaker '' | grep -qE '^ +[^ ].* [0-9]+ ' || fail "$what: no speaker counted"
}

expect_rc 0 "$X" "$A"
same_counts "first index"
expect_rc 0 "$X" --delete "$S0"
same_counts "--delete"
printf '\nAnother paragraph: "We will talk in Paris," said Marta Okonjo, a spokeswoman.\n' >>"$A/copies/b.txt"
expect_rc 0 "$X" "$A"
expect_grep '2 indexed \(1 new, 1 replaced\)' cat "$WORK/err"
same_counts "a changed file read again, a deleted one again"
expect_rc 0 "$X" "$A"
expect_grep '0 indexed .* files unchanged' cat "$WORK/err"
same_counts "an unchanged run"
rm "$A/copies/c.txt"
expect_rc 0 "$X" --prune "$A"
expect_grep '1 deleted' cat "$WORK/err"
same_counts "--prune"
expect_rc 0 "$X" --delete-file "$A/copies/a.txt"
same_counts "--delete-file"
# Everything deleted: an empty database still has (empty) columns.
expect_rc 0 "$X" --delete-file "$A/copies/b.txt" --delete-file "$A/$S1.txt" --delete-file "$A/$S2.txt"
expect_rc 0 env NEWSFACET_FACET_COLUMNS=stored "$Q" --count --facet "$specs" ''

# A sharded database keeps counting from the value streams; a bad mode is a usage error.
expect_rc 0 "$X" --shards 2 --db "$WORK/sharded" "$A"
expect_rc 0 env NEWSFACET_FACET_COLUMNS=stored "$Q" --db "$WORK/sharded" --count --facet speaker ''
expect_rc 2 env NEWSFACET_FACET_COLUMNS=bogus "$Q" --count --facet speaker ''
finish
