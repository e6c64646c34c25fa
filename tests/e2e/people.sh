# One person across the collection (issue 11, item 2; docs/speakers.md): a surname finds
# the articles of the full name it stands for, a surname shared by several people finds
# them all with a note, middle initials and dots merge, and the person and speaker facets
# list one value per person whose count is what -f selects. Invented names only.
source "$(dirname "$0")/lib.bash"
Q="$BIN/newsfacet-query"
corpus="$WORK/corpus"
mkdir -p "$corpus"
article() { printf '%s\n\n%s\n' "$2" "$3" >"$corpus/$1.txt"; }
article p1 "Budget talks resume" \
  'Finance minister Walter Fenwick said on Monday that the budget would be balanced. "We will not raise taxes," Walter Fenwick told reporters.'
article p2 "Markets calm after budget" \
  'Mr Fenwick said the markets had taken the news well. "There is no reason for alarm," Mr Fenwick said.'
article p3 "Gallery opens" \
  'The painter Carla Osei said the gallery would open in May. "It has taken ten years," Carla Osei said.'
article p4 "Club signs striker" \
  'Coach Peter Osei said the striker would start on Saturday. "He is ready," Peter Osei said.'
article p5 "Gallery row continues" \
  'Mr Osei said he had not been consulted. "Nobody asked me," Mr Osei said.'
article p6 "Senator backs the plan" \
  'Senator John Q. Adler said the plan was sound. "It is a good plan," John Q. Adler said.'
article p7 "Vote on the plan" \
  'John Adler said on Tuesday that he would vote for the plan. "I will vote yes," John Adler said.'
expect_rc 0 "$BIN/newsfacet-index" -q "$corpus"

# A surname alone finds the articles of the full name (and the full name the surname's).
expect_ids "p1 p2" person:Fenwick
expect_ids "p1 p2" speaker:Fenwick
expect_ids "p1 p2" 'person:"Walter Fenwick"'
# Middle initials and dots: one person.
expect_ids "p6 p7" 'person:"John Adler"'
expect_ids "p6 p7" 'person:"John Q Adler"'
expect_ids "p6 p7" 'speaker:"J. Q. Adler"'
expect_ids "p6 p7" person:Adler
# A surname of several people: all of them, and a note naming them with their counts
# (stderr and JSON warnings).
expect_ids "p3 p4 p5" person:Osei
expect_rc 0 "$Q" -n 0 person:Osei
CHECKS=$((CHECKS + 1))
grep -q 'note: person:Osei stands for 2 people, matching all of them: Carla Osei (1), Peter Osei (1)' "$WORK/err" ||
  fail "person:Osei: no note naming both people on stderr: $(cat "$WORK/err")"
CHECKS=$((CHECKS + 1))
"$Q" --format json -n 0 speaker:Osei 2>/dev/null | tr -d '\n' | grep -qE '"warnings": \[ *"speaker:Osei stands for 2 people' ||
  fail "speaker:Osei: no JSON warning"
# An unambiguous surname says nothing.
expect_rc 0 "$Q" -n 0 person:Fenwick
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/err" ] || fail "person:Fenwick printed a note: $(cat "$WORK/err")"

# The facets: one value per person; each count is what -f selects (articles and quotes).
check_facets() {  # check_facets LABEL FACETS [newsfacet-query options...]
  local label=$1 specs=$2; shift 2
  for spec in $specs; do
    "$Q" "$@" --format json --facet "$spec" --facet-limit 1000 '' | tr -d '\n' |
      grep -oP '"value": "(?:[^"\\]|\\.)*",\s*"count": \d+' |
      sed -E 's/^"value": "(.*)",\s*"count": ([0-9]+)$/\2\t\1/' >"$WORK/values"
    CHECKS=$((CHECKS + 1))
    [ -s "$WORK/values" ] || fail "$label: facet $spec is empty"
    CHECKS=$((CHECKS + 1))
    [ "$(grep -ciE $'\t(walter |mr )?fenwick$' "$WORK/values")" = 1 ] || fail "$label: facet $spec lists Fenwick more than once: $(cat "$WORK/values")"
    CHECKS=$((CHECKS + 1))
    [ "$(grep -ciE $'\tjohn (q\\. )?adler$' "$WORK/values")" = 1 ] || fail "$label: facet $spec lists Adler more than once: $(cat "$WORK/values")"
    while IFS=$'\t' read -r count value; do
      CHECKS=$((CHECKS + 1))
      got=$("$Q" "$@" --count -f "$spec=$value" '' 2>"$WORK/err")
      [ "$got" = "$count" ] || fail "$label: facet $spec lists $value $count, -f selects $got"
    done <"$WORK/values"
  done
}
check_facets articles "person speaker"
check_facets quotes speaker --quotes
expect_grep $'^   Walter Fenwick +2 ' "$Q" --count --facet person ''
expect_grep $'^   Osei +1 ' "$Q" --count --facet person ''

# The table follows the index: once the full name's article is deleted, Fenwick is a
# person of his own and Walter Fenwick is gone.
expect_rc 0 "$BIN/newsfacet-index" -q --delete p1
expect_ids "p2" person:Fenwick
expect_grep $'^   Fenwick +1 ' "$Q" --count --facet person ''
expect_rc 0 "$BIN/newsfacet-index" -q "$corpus/p1.txt"
expect_ids "p1 p2" person:Fenwick

# Sharded databases keep no table of their own: the same answers, made from the terms.
expect_rc 0 "$BIN/newsfacet-index" -q --shards 2 --db "$WORK/sharded" "$corpus"
expect_ids "p1 p2" --db "$WORK/sharded" person:Fenwick
expect_ids "p3 p4 p5" --db "$WORK/sharded" person:Osei
expect_grep $'^   Walter Fenwick +2 ' "$Q" --db "$WORK/sharded" --count --facet person ''
NEWSFACET_DB="$WORK/sharded" check_facets sharded "person speaker"
finish
