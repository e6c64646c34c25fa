# Bad input and bad databases: clear messages, documented exit statuses, no damage.
source "$(dirname "$0")/lib.bash"
IN="$WORK/in"
mkdir -p "$IN/sub"
cp "$SEEDS"/*.txt "$SEEDS"/manifest.tsv "$IN/"
printf 'Latin-1 headline\n\nThe price was \xa3100 in Caf\xe9 Paris, officials said.\n' >"$IN/sub/latin1.txt"
: >"$IN/sub/empty.txt"
printf '   \n\r\n  \n' >"$IN/sub/blank.txt"
printf '\x7fELF\x00\x01\x02binary\x00' >"$IN/sub/binary.txt"
printf '\xef\xbb\xbfBOM headline here\r\n\r\nA line with Windows endings and a BOM about zeppelins.   \r\n' >"$IN/sub/crlf.txt"

# A run that skips some inputs indexes the rest and exits 3, naming each problem.
expect_rc 3 "$BIN/newsfacet-index" "$IN"
expect_grep 'empty\.txt: empty file, skipped' cat "$WORK/err"
expect_grep 'blank\.txt: empty file, skipped' cat "$WORK/err"
expect_grep 'binary\.txt: binary file' cat "$WORK/err"
expect_grep 'latin1\.txt: not valid UTF-8: 2 invalid byte\(s\) replaced by U\+FFFD, the first at byte offset 32' cat "$WORK/err"
expect_grep '5 indexed \(5 new, 0 replaced\), 3 skipped' cat "$WORK/err"
expect_ids "sub/latin1" 'officials price'
expect_ids "sub/crlf" 'zeppelins'
expect_ids "sub/crlf" 'title:BOM'
expect_grep '"title": "BOM headline here"' "$BIN/newsfacet-query" --format json zeppelins

# Re-indexing replaces, never duplicates (--force: unchanged files are read again).
expect_rc 3 "$BIN/newsfacet-index" --force "$IN"
expect_grep '0 new, 5 replaced' cat "$WORK/err"
expect_grep '^5$' "$BIN/newsfacet-query" --count ''

# --delete removes one article and its quotes.
expect_rc 0 "$BIN/newsfacet-index" --delete "$S0"
expect_ids "$S2" ceasefire
expect_ids "" --quotes '"painful day"'
expect_rc 3 "$BIN/newsfacet-index" --delete no-such-id
expect_rc 0 "$BIN/newsfacet-index" -q "$IN/$S0.txt"
expect_ids "$S0 $S2" ceasefire

# stdin, with --published.
echo "Stdin headline
A story about xylophones from stdin, said Mr Smith." | "$BIN/newsfacet-index" -q --published 2020-02-02 -
expect_ids "" 'xylophones date:2019'
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-query" --format json 'xylophones date:2020-02-02' | grep -q '"id": "stdin-' || fail "stdin article not found by date"

# JSON Lines input with dates; a bad line is skipped with its line number.
printf '%s\n' '{"id": "j1", "title": "Jsonl title", "body": "Quokkas were seen in Perth.", "date": "2021-05-06"}' \
  'not json' '{"id": "j2", "body": "No title, only quokkas."}' >"$WORK/a.jsonl"
expect_rc 3 "$BIN/newsfacet-index" "$WORK/a.jsonl"
expect_grep 'a\.jsonl:2: not a JSON object' cat "$WORK/err"
expect_ids "j1" 'quokkas date:2021-05'
expect_ids "j1 j2" 'quokkas'
# j2 has no date: never in a range, counted as "(unknown)" in the published facet and
# selectable there.
expect_ids "j1" 'quokkas date:2000..2030'
expect_ids "j1" 'quokkas date:2000..'
expect_ids "j2" 'quokkas' -f 'published=(unknown)'
expect_grep '\(unknown\) +1' "$BIN/newsfacet-query" --count --facet published quokkas
CHECKS=$((CHECKS + 1))
[ "$("$BIN/newsfacet-query" --count 'quokkas date:unknown' 2>&1 | tail -1)" = 1 ] || fail "date:unknown"

# Reuters SGML is read directly, with the dateline and the <DATE> (issue 11, item 9).
SGM="$(dirname "$0")/../data/eval/reuters/tiny.sgm"
expect_rc 0 "$BIN/newsfacet-index" --db "$WORK/sgm.db" "$SGM"
expect_ids "reuters-1" --db "$WORK/sgm.db" 'id:reuters-1 tokyo'
expect_ids "reuters-1" --db "$WORK/sgm.db" 'cafe date:1987-02-26'
expect_grep '^3$' "$BIN/newsfacet-query" --db "$WORK/sgm.db" --count ''

# Same file names in different sub-directories are different articles, each with the
# date from its own directory's manifest.
mkdir -p "$WORK/tree/a" "$WORK/tree/b"
printf 'Alpha headline\n\nAn aardvark story.\n' >"$WORK/tree/a/001.txt"
printf 'Beta headline\n\nAn aardvark tale.\n' >"$WORK/tree/b/001.txt"
printf '001.txt\t2022-01-02\n' >"$WORK/tree/a/manifest.tsv"
printf '001.txt\t2021-03-04\n' >"$WORK/tree/b/manifest.tsv"
expect_rc 0 "$BIN/newsfacet-index" -q "$WORK/tree"
expect_ids "a/001 b/001" aardvark
expect_ids "a/001" 'aardvark date:2022-01-02'
expect_ids "b/001" 'aardvark date:2021-03-04'
expect_ids "b/001" 'id:b/001'

# Hostile input: deeply nested JSON, ids that look like quote ids, very long ids,
# control characters, invalid bytes in JSON Lines titles, devices.
{ printf '{"id": "deep", "body": '; head -c 200000 /dev/zero | tr '\0' '['; echo; } >"$WORK/deep.jsonl"
expect_rc 3 "$BIN/newsfacet-index" "$WORK/deep.jsonl"
expect_grep 'deep\.jsonl:1: not a JSON object \(arrays or objects nested more than 64 deep' cat "$WORK/err"
mkdir -p "$WORK/hash"
printf 'Quoted headline\n\n"We will build more bridges," said Mr John Smith in Leeds.\n' >"$WORK/hash/a.txt"
printf 'Other headline\n\nGiraffes live here.\n' >"$WORK/hash/a#0.txt"
printf 'Other headline\n\nGiraffes live here too.\n' >"$WORK/hash/a#q0.txt"
expect_rc 0 "$BIN/newsfacet-index" -q --db "$WORK/hash.db" "$WORK/hash"
expect_rc 0 "$BIN/newsfacet-index" -q --db "$WORK/hash.db" "$WORK/hash/a.txt"
expect_ids "a#0 a#q0" --db "$WORK/hash.db" giraffes
expect_ids "a" --db "$WORK/hash.db" --quotes bridges
expect_ids "a" --db "$WORK/hash.db" --quotes 'id:a'
expect_ids "" --db "$WORK/hash.db" --quotes 'id:a#0'
long=$(printf 'L%.0s' $(seq 1 300))
printf '{"id": "%s", "title": "Long id", "body": "\\"One,\\" said Mr Ann Lee. \\"Two,\\" said Mr Ann Lee. \\"Three,\\" said Mr Ann Lee."}\n' "$long" >"$WORK/long.jsonl"
"$BIN/newsfacet-index" -q --db "$WORK/long.db" "$WORK/long.jsonl"
expect_grep '^3$' "$BIN/newsfacet-query" --db "$WORK/long.db" --quotes --count ''
# The same file again, now with one quote: its article and quotes are replaced.
printf '{"id": "%s", "title": "Long id", "body": "\\"One,\\" said Mr Ann Lee."}\n' "$long" >"$WORK/long.jsonl"
"$BIN/newsfacet-index" -q --db "$WORK/long.db" "$WORK/long.jsonl"
expect_grep '^1$' "$BIN/newsfacet-query" --db "$WORK/long.db" --quotes --count ''
expect_grep '^1$' "$BIN/newsfacet-query" --db "$WORK/long.db" --count "id:$long"
printf 'Bad \033]0;pwned\007\033[2J headline\n\nBody with \033[31m red zebras.\n' >"$WORK/esc.txt"
"$BIN/newsfacet-index" -q --db "$WORK/esc.db" "$WORK/esc.txt"
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-query" --db "$WORK/esc.db" zebras | grep -q $'\033' && fail "control characters from an article reached the terminal"
printf '{"id": "t1", "title": "Caf\xe9 \\ud800\\u0041 talks", "body": "Okapis."}\n' >"$WORK/title.jsonl"
"$BIN/newsfacet-index" -q --db "$WORK/title.db" "$WORK/title.jsonl"
expect_grep '"title": "Caf� �A talks"' "$BIN/newsfacet-query" --db "$WORK/title.db" --format json okapis
expect_rc 3 "$BIN/newsfacet-index" --db "$WORK/dev.db" /dev/zero
expect_grep 'not a regular file \(a character device\), skipped' cat "$WORK/err"

# Usage errors exit 2.
expect_rc 2 "$BIN/newsfacet-index"
expect_rc 2 "$BIN/newsfacet-index" --published 2024-13-01 "$IN"
expect_rc 2 "$BIN/newsfacet-index" --bogus
# A closed choice names the valid values; a number is not one of them.
for args in "newsfacet-query --format xml" "newsfacet-query --sort 1" "newsfacet-query --output uris" \
            "newsfacet-index --dry-run --format 0"; do
  read -r -a a <<<"$args"
  expect_rc 2 "$BIN/${a[0]}" "${a[@]:1}" ceasefire
  expect_grep "error: ${a[-2]}: ${a[-1]} is not one of: [a-z]+, [a-z]+" cat "$WORK/err"
done
expect_grep '^  --output ENUM:\{ids,paths\}' "$BIN/newsfacet-query" --help
expect_rc 2 "$BIN/newsfacet-query" --reverse ceasefire
expect_rc 2 "$BIN/newsfacet-query" --offset 4294967296 ceasefire
expect_rc 3 "$BIN/newsfacet-index" "$WORK/does-not-exist.txt"

# A huge file is indexed (or skipped with a message), never a crash.
head -c 3000000 /dev/zero | tr '\0' 'a' | fold -w 70 | sed 's/^/Word /' >"$IN/huge.txt"
expect_rc 0 "$BIN/newsfacet-index" -q "$IN/huge.txt"

# Dry run writes nothing and prints spans and provenance.
expect_rc 0 "$BIN/newsfacet-index" --db "$WORK/dry.db" --dry-run "$SEEDS/$S1.txt"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/dry.db" ] || fail "--dry-run created a database"
expect_grep 'place +[0-9]+-[0-9]+ +Tel Aviv +Tel Aviv' "$BIN/newsfacet-index" --dry-run "$SEEDS/$S1.txt"
expect_grep '"kind":"date-published","value":"2024-08-02"' "$BIN/newsfacet-index" --dry-run --format json "$SEEDS/$S1.txt"
expect_grep '"kind":"place","begin":[0-9]+,"end":[0-9]+,"text":"Qatar","value":"Qatar","rule":"' "$BIN/newsfacet-index" --dry-run --format json "$SEEDS/$S1.txt"

# A run killed half-way leaves the database as it was at its last commit.
"$BIN/newsfacet-index" -q --db "$WORK/kill.db" "$SEEDS"
awk 'BEGIN { for (i = 1; i <= 50000; i++) printf "{\"id\": \"m%d\", \"title\": \"Headline %d\", \"body\": \"Body about walruses number %d in Oslo.\"}\n", i, i, i }' >"$WORK/many.jsonl"
"$BIN/newsfacet-index" -q --batch 1000000 --db "$WORK/kill.db" "$WORK/many.jsonl" &
pid=$!
sleep 1
CHECKS=$((CHECKS + 1))
kill -9 "$pid" 2>/dev/null || fail "the indexer finished 50,000 articles before it could be killed"
wait "$pid" 2>/dev/null
expect_grep '^3$' "$BIN/newsfacet-query" --db "$WORK/kill.db" --count ''
expect_ids "" --db "$WORK/kill.db" walruses

# Databases: missing, locked, corrupt, wrong schema version.
expect_rc 1 "$BIN/newsfacet-query" --db "$WORK/missing.db" x
mkdir -p "$WORK/notadb"
expect_rc 1 "$BIN/newsfacet-query" --db "$WORK/notadb" x
cp -r "$NEWSFACET_DB" "$WORK/corrupt.db"
for f in "$WORK"/corrupt.db/*.glass; do head -c 4096 /dev/urandom >"$f"; done
expect_rc 1 "$BIN/newsfacet-query" --db "$WORK/corrupt.db" ceasefire
# A database of another schema version is refused with a hint to rebuild it.
if command -v xapian-metadata >/dev/null; then
  cp -r "$NEWSFACET_DB" "$WORK/old.db"
  xapian-metadata set "$WORK/old.db" newsfacet:schema 1
  expect_rc 1 "$BIN/newsfacet-query" --db "$WORK/old.db" ceasefire
  expect_grep 'schema version 1, this newsfacet uses version' cat "$WORK/err"
  expect_grep 'hint: rebuild it' cat "$WORK/err"
  expect_rc 1 "$BIN/newsfacet-index" --db "$WORK/old.db" "$SEEDS"
fi
# A writer holding the lock: a second indexer fails with a hint, the first's data stays.
if command -v python3 >/dev/null; then :; fi
( "$BIN/newsfacet-index" -q --batch 1 "$IN/huge.txt" "$IN/huge.txt" "$IN/huge.txt" & echo $! >"$WORK/pid"; wait ) &
sleep 0.3
"$BIN/newsfacet-index" -q "$SEEDS" 2>"$WORK/lock.err"
rc=$?
wait
CHECKS=$((CHECKS + 1))
if [ "$rc" = 1 ]; then grep -q 'locked' "$WORK/lock.err" || fail "locked database: message was $(cat "$WORK/lock.err")"; fi
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "second indexer exited $rc"
expect_ids "$S0 $S2" ceasefire
finish
