# Bash completion (completions/newsfacet, issue 16): loaded into this bash, driven as
# bash drives it (COMP_WORDS, COMP_CWORD, the completion function), checked against
# the programs' own --help and --fields.
source "$(dirname "$0")/lib.bash"
COMPLETION="$(dirname "$0")/../../completions/newsfacet"
source "$COMPLETION" || { fail "sourcing $COMPLETION failed"; finish; }
Q="$BIN/newsfacet-query"
I="$BIN/newsfacet-index"

# comp WORD...: completes the last word of the command line WORD... (as bash splits
# it: "place:ci" is the three words place : ci); prints the replies sorted, one a line.
comp() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _newsfacet
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
# expect_comp "EXPECTED REPLIES" WORD...: the replies, sorted, space-separated.
expect_comp() {
  local want=$1; shift
  CHECKS=$((CHECKS + 1))
  local got; got=$(comp "$@" | tr '\n' ' ' | sed 's/ *$//')
  [ "$got" = "$want" ] || fail "completing [${*:2}] -> [$got], expected [$want]"
}

CHECKS=$((CHECKS + 1))
complete -p newsfacet-query newsfacet-index >/dev/null 2>&1 || fail "no completion registered for both programs"

# Options: exactly the ones --help lists (read here independently of the script).
for prog in "$Q" "$I"; do
  want=$("$prog" --help | grep -E '^  -' | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u)
  got=$(comp "$prog" - | sort -u)
  CHECKS=$((CHECKS + 1))
  [ -n "$want" ] && [ "$got" = "$want" ] || fail "options of $(basename "$prog"): completion [$(echo $got)], --help [$(echo $want)]"
done
expect_comp "--facet --facet-limit --facet-match --facet-min --facet-prefix --facet-sort" "$Q" --fac
expect_comp "--color --colour" "$Q" --col
expect_comp "--no-pipeline" "$I" --no-p

# Values of options with a fixed set, with a space or '=' before them.
expect_comp "always auto never" "$Q" --color ""
expect_comp "always" "$Q" --color=al
expect_comp "always auto never" "$Q" --colour ""
expect_comp "json text" "$Q" --format ""
expect_comp "json" "$I" --format j
expect_comp "date relevance" "$Q" --sort ""
expect_comp "count value" "$Q" --facet-sort ""
expect_comp "ids paths" "$Q" --output ""

# Facet names and levels, from --fields: after --facet (comma-separated too), and
# NAME= after -f, --filter, --facet-prefix, --facet-match.
facets=$("$Q" --fields | sed -nE 's/.*facets ([^;]*).*/\1/p' | tr ',' '\n' | tr -d ' ' | sort -u)
CHECKS=$((CHECKS + 1))
[ "$(comp "$Q" --facet "" | sort -u)" = "$facets" ] || fail "--facet completes [$(comp "$Q" --facet "" | tr '\n' ' ')], --fields lists [$(echo $facets)]"
expect_comp "place place:all place:city place:country" "$Q" --facet pl
expect_comp "speaker,place speaker,place:all speaker,place:city speaker,place:country" "$Q" --facet speaker,pl
expect_comp "city country" "$Q" --facet place : c
expect_comp "day month year" "$Q" --facet published :
# --pivot (where the program has it) takes facets as --facet does.
if "$Q" --help | grep -qE '^  --pivot '; then
  expect_comp "speaker" "$Q" --pivot spe
  expect_comp "speaker,published speaker,published:day speaker,published:month speaker,published:year" "$Q" --pivot speaker,pu
fi
expect_comp "speaker=" "$Q" -f sp
expect_comp "speaker=" "$Q" --filter sp
expect_comp "city=" "$Q" -f place : ci
expect_comp "person=" "$Q" --facet-match pe
expect_comp "place:all= place:city= place:country= place=" "$Q" --facet-prefix pla

# Query words: field names with their colon, from --fields (not the internal ones).
expect_comp "speaker:" "$Q" spe
expect_comp "person: place:" "$Q" peace p
expect_comp "date:" "$Q" --limit 5 da
fields=$("$Q" --fields | awk '/^FIELD /{f=1;next} f&&NF==0{exit} f&&/^[a-z]/&&$3!="internal"&&$4!="internal"{print $1":"}' | sort)
CHECKS=$((CHECKS + 1))
[ "$(comp "$Q" "")" = "$fields" ] || fail "query fields [$(comp "$Q" "" | tr '\n' ' ')], --fields lists [$(echo $fields)]"
CHECKS=$((CHECKS + 1))
comp "$Q" "" | grep -qE '^(type|parent|speakerkey|personkey):$' && fail "an internal field was offered"
# A value after a field, and option values without a fixed set: nothing made up.
expect_comp "" "$Q" place :
expect_comp "" "$Q" --limit ""

# Paths: the indexer's inputs, --db directories.
mkdir -p "$WORK/in/sub"
: >"$WORK/in/a.txt"
expect_comp "$WORK/in/a.txt $WORK/in/sub" "$I" "$WORK/in/"
expect_comp "$WORK/in/sub" "$Q" --db "$WORK/in/s"

# Run in a fresh bash, as a user's shell would load it: complete -F is wired up.
CHECKS=$((CHECKS + 1))
out=$(bash --norc --noprofile -c 'source "$1"; COMP_WORDS=("$2" --sort ""); COMP_CWORD=2; _newsfacet; echo "${COMPREPLY[*]}"' _ "$COMPLETION" "$Q")
[ "$out" = "relevance date" ] || fail "in a fresh bash: [$out]"

finish
