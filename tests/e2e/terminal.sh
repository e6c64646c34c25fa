# Terminal conventions (issue 16): --version, colour, piping output, queries from
# files, relative dates, spelling suggestions, pivots, more-like-this, facet search.
source "$(dirname "$0")/lib.bash"
index_seeds

# --version: every program names itself, its version and the versions that decide
# whether its output can be read (schema, JSON format) or reproduced (Xapian, ICU).
for prog in newsfacet-index newsfacet-query newsfacet-eval newsfacet-bench; do
  [ -x "$BIN/$prog" ] || continue
  expect_rc 0 "$BIN/$prog" --version
  for pat in "^$prog [0-9]+\.[0-9]+\.[0-9]+$" '^schema version: [0-9]+$' '^JSON format version: [0-9]+$' \
             '^Xapian: 1\.[0-9]+\.[0-9]+' '^ICU: [0-9]+'; do
    CHECKS=$((CHECKS + 1))
    grep -qE "$pat" "$WORK/out" || fail "$prog --version did not print /$pat/: $(cat "$WORK/out")"
  done
done
# The schema version printed is the one the indexer stamps into databases.
CHECKS=$((CHECKS + 1))
schema=$("$BIN/newsfacet-query" --version | sed -n 's/^schema version: //p')
stamped=$(xapian-metadata get "$NEWSFACET_DB" newsfacet:schema 2>/dev/null || echo "$schema")
[ "$schema" = "$stamped" ] || fail "--version says schema $schema, the database has $stamped"
json=$("$BIN/newsfacet-query" --version | sed -n 's/^JSON format version: //p')
expect_grep "\"format_version\": $json," "$BIN/newsfacet-query" --format json ceasefire

# Colour: never on a pipe by default; --color=always forces it (even with NO_COLOR,
# as an explicit request beats the environment), --color=never and TERM=dumb turn it
# off on a terminal. script(1) gives the query a terminal when it is installed.
ESC=$(printf '\033')
expect_grep "«ceasefire»" "$BIN/newsfacet-query" ceasefire
expect_grep "${ESC}\\[1;33mceasefire" "$BIN/newsfacet-query" --color=always ceasefire
expect_grep "${ESC}\\[1;33mceasefire" "$BIN/newsfacet-query" --colour always ceasefire
expect_rc 2 "$BIN/newsfacet-query" --color=sometimes ceasefire
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-query" --color=never ceasefire | grep -q "$ESC" && fail "--color=never printed an escape"
if command -v script >/dev/null 2>&1; then
  tty_run() { script -qec "$*" /dev/null </dev/null; }
  expect_grep "${ESC}\\[1;33mceasefire" tty_run env -u NO_COLOR TERM=xterm "$BIN/newsfacet-query" ceasefire
  for env in "NO_COLOR=1 TERM=xterm" "TERM=dumb"; do
    CHECKS=$((CHECKS + 1))
    out=$(tty_run env -u NO_COLOR $env "$BIN/newsfacet-query" ceasefire)
    echo "$out" | grep -q "${ESC}\[1;33m" && fail "$env on a terminal still coloured"
    echo "$out" | grep -q "«ceasefire»" || fail "$env on a terminal: no «» markers: $out"
  done
  expect_grep "${ESC}\\[1;33mceasefire" tty_run env TERM=dumb "$BIN/newsfacet-query" --color=always ceasefire
fi

finish
