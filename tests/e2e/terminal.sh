# Terminal conventions (issue 16): --version, colour, piping output, queries from
# files, relative dates, spelling suggestions, pivots, more-like-this, facet search.
source "$(dirname "$0")/lib.bash"
index_seeds

# --version: every program names itself, its version and the versions that decide
# whether its output can be read (schema, JSON format) or reproduced (Xapian, ICU).
for prog in newsfacet-index newsfacet-query newsfacet-eval newsfacet-bench; do
  [ -x "$BIN/$prog" ] || continue
  expect_rc 0 "$BIN/$prog" --version
  # newsfacet-eval links no Xapian (docs/architecture.md), so it names none.
  xapian='^Xapian: 1\.[0-9]+\.[0-9]+'
  [ "$prog" = newsfacet-eval ] && xapian='^ICU: [0-9]+'
  for pat in "^$prog [0-9]+\.[0-9]+\.[0-9]+$" '^schema version: [0-9]+$' '^JSON format version: [0-9]+$' \
             "$xapian" '^ICU: [0-9]+'; do
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

# Relative dates, counted from --now (the seeds were published 2024-10-07 (S0),
# 2024-08-02 (S1) and 2023-11-08 (S2)).
expect_ids "$S0" --now 2024-10-08 'date:yesterday'
expect_ids "$S0" --now 2024-10-07 'date:today'
expect_ids "$S0" --now 2024-10-07 'date:now'
expect_ids "$S0" --now 2024-10-08 'date:7d..'
expect_ids "$S0" --now 2024-10-08 'date:1w..'
expect_ids "$S0 $S1" --now 2024-10-08 'date:3m..'
expect_ids "$S0 $S1" --now 2024-10-01 'date:2m..'
expect_ids "$S0" --now 2024-10-08 'date:2m..'   # from 8 August
expect_ids "$S0 $S1 $S2" --now 2024-10-08 'date:1y..'
expect_ids "$S2" --now 2024-10-08 'date:..10m'
expect_ids "" --now 2024-10-08 'date:..1y'
expect_ids "$S0" --now 2024-10-10 'date:"3 days ago"'
expect_ids "$S0" --now 2024-10-10 'date:"3 days ago"..today'
expect_ids "" --now 2024-10-08 'date:"last week"'     # 30 Sep - 6 Oct
expect_ids "$S0" --now 2024-10-14 'date:"last week"'  # 7 - 13 Oct
expect_ids "$S0" --now 2024-10-13 'date:"this week"'
expect_ids "$S1" --now 2024-09-30 'date:last-month'
expect_ids "$S1" --now 2024-09-30 'date:"Last Month"'
expect_ids "$S0" --now 2024-10-31 'date:"this month"'
expect_ids "$S2" --now 2024-05-01 'date:"last year"'
expect_ids "$S0 $S1" --now 2024-05-01 'date:"this year"'
expect_ids "$S1" --now 2024-10-01 'date:2m.. AND date:..2024-09'
# Without --now, today is the machine's: every seed is older than a week, none is
# in the future.
expect_ids "" 'date:7d..'
expect_ids "$S0 $S1 $S2" 'date:..today'
# Ranges outside the indexed years match nothing (an empty term would match all).
expect_ids "" 'date:..2019'
expect_ids "" 'date:2030..'
expect_ids "" 'mentioned:..1900'
expect_rc 2 "$BIN/newsfacet-query" 'date:7x..'
expect_rc 2 "$BIN/newsfacet-query" 'date:"next week"'
expect_rc 2 "$BIN/newsfacet-query" --now 2024-10-08 'date:today..1y'
expect_rc 2 "$BIN/newsfacet-query" --now 2024-10 ceasefire
expect_rc 2 "$BIN/newsfacet-query" --now yesterday ceasefire
expect_grep 'relative: today, yesterday, 7d' "$BIN/newsfacet-query" 'date:lastweek'

# --output: one id or path per hit, every hit unless -n says otherwise.
CHECKS=$((CHECKS + 1))
got=$("$BIN/newsfacet-query" --output ids --sort date '' | tr '\n' ' ')
[ "$got" = "$S0 $S1 $S2 " ] || fail "--output ids --sort date '' printed [$got]"
CHECKS=$((CHECKS + 1))
got=$("$BIN/newsfacet-query" --output ids -n 1 --sort date '' | tr '\n' ' ')
[ "$got" = "$S0 " ] || fail "--output ids -n 1 printed [$got]"
CHECKS=$((CHECKS + 1))
n=$("$BIN/newsfacet-query" --output paths ceasefire | xargs cat | grep -ci ceasefire)
[ "$n" -ge 2 ] || fail "--output paths ceasefire | xargs cat found ceasefire $n times"
expect_grep "^$SEEDS/$S2\.txt$" "$BIN/newsfacet-query" --output paths '"two-state solution"'
CHECKS=$((CHECKS + 1))
got=$("$BIN/newsfacet-query" --quotes --output ids '' | sort | tr '\n' ' ')
[ "$got" = "$S0 $S1 $S2 " ] || fail "--quotes --output ids printed [$got], expected each article once"
CHECKS=$((CHECKS + 1))
[ -z "$("$BIN/newsfacet-query" --output ids zzzznotaword)" ] || fail "--output ids with no hits printed something"
expect_rc 2 "$BIN/newsfacet-query" --output ids --format json ceasefire
expect_rc 2 "$BIN/newsfacet-query" --output ids --count ceasefire
expect_rc 2 "$BIN/newsfacet-query" --output titles ceasefire

# --query-file: the query from a file or standard input, lines joined.
printf 'speaker:Healey\nceasefire\n' >"$WORK/q.txt"
expect_ids "$S0" --query-file "$WORK/q.txt"
CHECKS=$((CHECKS + 1))
got=$(printf '"two-state solution"\n' | "$BIN/newsfacet-query" --query-file - --output ids)
[ "$got" = "$S2" ] || fail "--query-file - printed [$got]"
expect_rc 2 "$BIN/newsfacet-query" --query-file "$WORK/q.txt" ceasefire
expect_rc 1 "$BIN/newsfacet-query" --query-file "$WORK/no-such-file"
printf '(unbalanced' >"$WORK/bad.txt"
expect_rc 2 "$BIN/newsfacet-query" --query-file "$WORK/bad.txt"

# --facet-match: values containing the text anywhere; --facet-prefix only at the start.
expect_grep 'John Healey +2' "$BIN/newsfacet-query" --facet-match speaker=healey --count ''
expect_grep 'John Healey +2' "$BIN/newsfacet-query" --facet-match person=HEALEY --count ''
expect_grep '\(none\)' "$BIN/newsfacet-query" --facet-prefix speaker=healey --count ''
expect_grep '"value": "John Healey"' "$BIN/newsfacet-query" --format json --facet-match speaker=ealey --count ''
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-query" --facet-match person=healey --count '' | grep -q Gallant && fail "--facet-match person=healey listed Gallant"
expect_rc 2 "$BIN/newsfacet-query" --facet-match healey ''

finish
