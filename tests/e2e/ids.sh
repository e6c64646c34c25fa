# Ids and sources (issue 11, item 7; docs/input.md): an article is its source (its
# file, or a record of a JSON Lines file), re-indexing a source replaces only its own
# article, an id that several sources give keeps every article with a warning, and
# long ids never collide.
source "$(dirname "$0")/lib.bash"
X="$BIN/newsfacet-index"
C="$WORK/corpus"
mkdir -p "$C/one" "$C/two"
printf 'First headline\n\nAn armadillo story from one.\n' >"$C/one/001.txt"
printf 'Second headline\n\nAn armadillo story from two. "We will dig," said Mr Tom Reed.\n' >"$C/two/001.txt"
printf 'Third headline\n\nA wombat story, only in one.\n' >"$C/one/002.txt"

# Two directories with the same file names, one after the other: both kept, a warning
# names both files, the summary counts it.
expect_rc 0 "$X" "$C/one"
expect_rc 0 "$X" "$C/two"
expect_grep 'warning: id "001" of .*/two/001\.txt is also the id of .*/one/001\.txt; both kept' cat "$WORK/err"
expect_grep '1 indexed \(1 new, 0 replaced\), 0 skipped, 0 deleted, 1 with a duplicate id' cat "$WORK/err"
expect_count 3 ''
expect_count 2 'id:001'
expect_count 1 --quotes 'id:001'

# The same files through their parent directory: replaced, not added again (their
# ids become one/001, two/001 ...).
expect_rc 0 "$X" "$C"
expect_grep '3 indexed \(0 new, 3 replaced\), 0 skipped, 0 deleted, 0 with a duplicate id' cat "$WORK/err"
expect_count 3 ''
expect_ids "one/001 two/001" armadillo
expect_count 1 --quotes ''
# Another spelling of a path, and a symbolic link: still the same sources.
ln -s "$C/one/002.txt" "$WORK/link.txt"
expect_rc 0 "$X" "$C/two/../one/002.txt" "$WORK/link.txt"
expect_grep '2 indexed \(0 new, 2 replaced\)' cat "$WORK/err"
expect_count 3 ''

# --delete of an id two articles have: refused (exit 3) naming both, nothing deleted.
expect_rc 0 "$X" -q "$C/one/001.txt" "$C/two/001.txt"
expect_count 2 'id:001'
expect_rc 3 "$X" --delete 001
expect_grep 'error: --delete 001: 2 articles have this id \(.*/one/001\.txt; .*/two/001\.txt\); none deleted' cat "$WORK/err"
expect_grep 'hint: .*--delete-file' cat "$WORK/err"
expect_count 2 'id:001'
# --delete-file removes one file's article and its quotes; then the id is one article's.
expect_rc 0 "$X" --delete-file "$C/two/001.txt"
expect_grep '1 deleted' cat "$WORK/err"
expect_count 1 'id:001'
expect_count 0 --quotes ''
expect_rc 3 "$X" --delete-file "$C/two/001.txt"
expect_grep 'no article from' cat "$WORK/err"
expect_rc 0 "$X" --delete 001
expect_count 0 'id:001'

# JSON Lines: an id twice in one file, and again in another file: every article kept,
# with warnings. Re-indexing the file replaces its own records only.
J="$WORK/jsonl.db"
printf '%s\n' '{"id": "d1", "body": "Narwhal one."}' '{"id": "d1", "body": "Narwhal two."}' >"$WORK/dup.jsonl"
printf '%s\n' '{"id": "d1", "body": "Narwhal three."}' >"$WORK/other.jsonl"
expect_rc 0 "$X" --db "$J" "$WORK/dup.jsonl" "$WORK/other.jsonl"
expect_grep 'warning: id "d1" of .*dup\.jsonl:2 is also the id of .*dup\.jsonl:1; both kept' cat "$WORK/err"
expect_grep '3 indexed \(3 new, 0 replaced\), 0 skipped, 0 deleted, 2 with a duplicate id' cat "$WORK/err"
expect_count 3 --db "$J" narwhal
expect_rc 0 "$X" --db "$J" --force "$WORK/dup.jsonl"
expect_grep '2 indexed \(0 new, 2 replaced\)' cat "$WORK/err"
expect_count 3 --db "$J" narwhal
expect_rc 3 "$X" --db "$J" --delete d1
expect_grep '3 articles have this id' cat "$WORK/err"
expect_rc 0 "$X" --db "$J" --delete-file "$WORK/dup.jsonl"
expect_grep '2 deleted' cat "$WORK/err"
expect_count 1 --db "$J" narwhal

# Ids over Xapian's term limit that differ only at the end: two articles, each found
# by its own id.
L="$WORK/long.db"
long=$(printf 'L%.0s' $(seq 1 300))
printf '{"id": "%s1", "body": "Pangolin one."}\n{"id": "%s2", "body": "Pangolin two."}\n' "$long" "$long" >"$WORK/long.jsonl"
expect_rc 0 "$X" --db "$L" "$WORK/long.jsonl"
expect_grep '0 with a duplicate id' cat "$WORK/err"
expect_count 2 --db "$L" pangolin
expect_ids "${long}1" --db "$L" "id:${long}1"
expect_ids "${long}2" --db "$L" "id:${long}2"
expect_count 0 --db "$L" "id:${long}3"
# A path over the limit too (a deep tree): re-indexing it replaces its article.
deep="$WORK/$(printf 'd%.0s' $(seq 1 120))/$(printf 'e%.0s' $(seq 1 120))"
mkdir -p "$deep"
printf 'Deep headline\n\nA tapir story.\n' >"$deep/a.txt"
printf 'Deep headline\n\nA tapir tale.\n' >"$deep/b.txt"
expect_rc 0 "$X" --db "$L" "$deep"
expect_rc 0 "$X" --db "$L" --force "$deep"
expect_grep '2 indexed \(0 new, 2 replaced\)' cat "$WORK/err"
expect_count 2 --db "$L" tapir

# Sharded: routed by source, so the same holds across shards.
S="$WORK/sharded"
expect_rc 0 "$X" --shards 3 --db "$S" "$C/one/001.txt"
expect_rc 0 "$X" --db "$S" "$C/two/001.txt"
expect_grep 'warning: id "001" of .*/two/001\.txt is also the id of .*/one/001\.txt; both kept' cat "$WORK/err"
expect_count 2 --db "$S" 'id:001'
expect_rc 0 "$X" --db "$S" --force "$C/one/001.txt"
expect_grep '1 indexed \(0 new, 1 replaced\)' cat "$WORK/err"
expect_rc 3 "$X" --db "$S" --delete 001
expect_grep '2 articles have this id' cat "$WORK/err"
expect_rc 0 "$X" --db "$S" --delete-file "$C/one/001.txt"
expect_count 1 --db "$S" 'id:001'
# Six files of one name in one run, wherever their shards: five duplicates, as in one
# database (within a shard its thread sees them, across shards the run's end).
for k in 1 2 3 4 5 6; do mkdir -p "$WORK/six/d$k"; printf 'Six headline\n\nA dingo story %s.\n' "$k" >"$WORK/six/d$k/009.txt"; done
expect_rc 0 "$X" --shards 3 --db "$WORK/six.db" "$WORK"/six/d*
expect_grep '6 indexed \(6 new, 0 replaced\), 0 skipped, 0 deleted, 5 with a duplicate id' cat "$WORK/err"
expect_rc 0 "$X" --db "$WORK/six.db" "$WORK"/six/d1/009.txt --force
expect_grep '1 indexed \(0 new, 1 replaced\), 0 skipped, 0 deleted, 1 with a duplicate id' cat "$WORK/err"

finish
