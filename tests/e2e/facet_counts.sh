# A facet's count is what selecting it gives (issue 11, item 3): for every facet and
# level in the schema table (read from --fields), articles and quotes, every value
# listed must be accepted by -f NAME[:LEVEL]=VALUE and select exactly that many.
source "$(dirname "$0")/lib.bash"
index_seeds
Q="$BIN/newsfacet-query"

specs=$("$Q" --fields --format json | tr -d '\n' | grep -oP '"facets": \[.*?\]' | grep -oP '"name": "\K[a-z]+(:[a-z]+)?(?=",\s*"slot")')
CHECKS=$((CHECKS + 1))
echo "$specs" | grep -qx 'place:country' || fail "--fields lists no facet levels: $specs"
checked=0
for mode in articles quotes; do
  flag=(); [ "$mode" = quotes ] && flag=(--quotes)
  for spec in $specs; do
    "$Q" "${flag[@]}" --format json --facet "$spec" --facet-limit 100000 '' | tr -d '\n' |
      grep -oP '"value": "(?:[^"\\]|\\.)*",\s*"count": \d+' |
      sed -E 's/^"value": "(.*)",\s*"count": ([0-9]+)$/\2\t\1/' >"$WORK/values"
    while IFS=$'\t' read -r count value; do
      CHECKS=$((CHECKS + 1)); checked=$((checked + 1))
      got=$("$Q" "${flag[@]}" --count -f "$spec=$value" '' 2>"$WORK/err")
      rc=$?
      if [ $rc != 0 ]; then fail "$mode -f $spec=$value exited $rc: $(head -c 200 "$WORK/err")"
      elif [ "$got" != "$count" ]; then fail "$mode facet $spec lists $value $count, -f selects $got"; fi
    done <"$WORK/values"
  done
done
# The seeds must give something to check in every mode: at least the speakers.
CHECKS=$((CHECKS + 1))
[ "$checked" -gt 40 ] || fail "only $checked facet values checked"
echo "$checked facet values checked"
finish
