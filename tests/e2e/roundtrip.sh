# Every word of every seed, typed in any case, finds its article (issue 2).
source "$(dirname "$0")/lib.bash"
index_seeds
for f in "$SEEDS"/*.txt; do
  id=$(basename "$f" .txt)
  n=0
  # Words as a user would type them: letters and digits, any case.
  for w in $(LC_ALL=C.UTF-8 grep -oE "[[:alnum:]]+([’',.-][[:alnum:]]+)*" "$f" | sort -u); do
    n=$((n + 1))
    case $((n % 3)) in
      0) q=$(echo "$w" | tr '[:lower:]' '[:upper:]') ;;
      1) q=$(echo "$w" | tr '[:upper:]' '[:lower:]') ;;
      2) q=$w ;;
    esac
    CHECKS=$((CHECKS + 1))
    "$BIN/newsfacet-query" --format json -n 10 "$q" | grep -q "\"id\": \"$id\"" || fail "word '$q' of $id does not find it"
  done
done
finish
