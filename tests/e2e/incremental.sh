# Incremental archives (issue 13, item 4; docs/input.md): re-indexing skips files
# unchanged since their articles were indexed, re-reads changed ones, and reports the
# articles of files gone from an input directory (--prune deletes them).
source "$(dirname "$0")/lib.bash"
X="$BIN/newsfacet-index"
A="$WORK/archive"
mkdir -p "$A/sub"
printf 'One headline\n\nAn ocelot story.\n' >"$A/001.txt"
printf 'Two headline\n\nAn ocelot tale.\n' >"$A/sub/002.txt"
printf '%s\n' '{"id": "j1", "body": "Ocelot record one."}' '{"id": "j2", "body": "Ocelot record two."}' >"$A/feed.jsonl"
printf '001.txt\t2021-01-01\n' >"$A/manifest.tsv"

expect_rc 0 "$X" "$A"
expect_grep '4 indexed \(4 new, 0 replaced\), 0 skipped, 0 deleted, 0 with a duplicate id, 0 files unchanged' cat "$WORK/err"
# Nothing changed: nothing read.
expect_rc 0 "$X" "$A"
expect_grep '0 indexed \(0 new, 0 replaced\), 0 skipped, 0 deleted, 0 with a duplicate id, 3 files unchanged' cat "$WORK/err"
expect_count 4 ocelot
# A file given by name is the same file, with the same id: skipped. One whose id
# would change (sub/002 becomes 002 outside its tree) is read again.
expect_rc 0 "$X" "$A/001.txt" "$A/sub/002.txt"
expect_grep '1 indexed \(0 new, 1 replaced\), .* 1 files unchanged' cat "$WORK/err"
expect_ids "002" 'ocelot tale'
expect_rc 0 "$X" "$A"
expect_grep '1 indexed \(0 new, 1 replaced\), .* 2 files unchanged' cat "$WORK/err"
expect_ids "sub/002" 'ocelot tale'

# A changed file is read again; so is one only touched, one whose manifest date
# changed, and every file under --published or --force.
printf 'One headline

An ocelot story, updated with a caracal.
' >"$A/001.txt"
expect_rc 0 "$X" "$A"
expect_grep '1 indexed \(0 new, 1 replaced\), .* 2 files unchanged' cat "$WORK/err"
expect_ids "001" caracal
touch -d '2001-02-03 04:05:06' "$A/feed.jsonl"
expect_rc 0 "$X" "$A"
expect_grep '2 indexed \(0 new, 2 replaced\), .* 2 files unchanged' cat "$WORK/err"
printf '001.txt\t2022-02-02\n' >"$A/manifest.tsv"
expect_rc 0 "$X" "$A"
expect_grep '1 indexed \(0 new, 1 replaced\), .* 2 files unchanged' cat "$WORK/err"
expect_ids "001" 'caracal date:2022-02-02'
expect_rc 0 "$X" --published 2020-01-01 "$A"
expect_grep '4 indexed \(0 new, 4 replaced\), .* 0 files unchanged' cat "$WORK/err"
expect_rc 0 "$X" --force "$A"
expect_grep '4 indexed \(0 new, 4 replaced\), .* 0 files unchanged' cat "$WORK/err"

# A JSON Lines file read again without one of its records: that record's article goes
# (counted as deleted). One that now holds no article at all keeps its old ones.
cp "$A/feed.jsonl" "$WORK/feed.jsonl"
printf '%s\n' '{"id": "j1", "body": "Ocelot record one, revised."}' >"$A/feed.jsonl"
expect_rc 0 "$X" "$A"
expect_grep '1 indexed \(0 new, 1 replaced\), 0 skipped, 1 deleted, .* 2 files unchanged' cat "$WORK/err"
expect_ids "j1" 'ocelot record'
printf 'not json\n' >"$A/feed.jsonl"
expect_rc 3 "$X" "$A"
expect_ids "j1" 'ocelot record'
cp "$WORK/feed.jsonl" "$A/feed.jsonl"
expect_rc 0 "$X" "$A"
expect_grep '2 indexed \(1 new, 1 replaced\), 0 skipped, 0 deleted' cat "$WORK/err"
expect_ids "j1 j2" 'ocelot record'

# A file gone from the tree: its articles are reported, not deleted, until --prune.
rm "$A/feed.jsonl"
expect_rc 0 "$X" "$A"
expect_grep 'note: 2 indexed article\(s\) of 1 file\(s\) gone from the input directories \(.*feed\.jsonl\): newsfacet-index --prune' cat "$WORK/err"
expect_count 4 ocelot
expect_rc 0 "$X" --prune "$A"
expect_grep '0 indexed .*, 2 deleted,' cat "$WORK/err"
expect_count 2 ocelot
# Only under the directories given: indexing another directory prunes nothing there.
mkdir -p "$WORK/other"
printf 'Other headline\n\nA serval story.\n' >"$WORK/other/x.txt"
rm "$A/sub/002.txt"
expect_rc 0 "$X" --prune "$WORK/other"
expect_grep '1 indexed \(1 new, 0 replaced\), 0 skipped, 0 deleted' cat "$WORK/err"
expect_count 2 ocelot

# Sharded: the same (a file's records spread over the shards).
S="$WORK/sharded"
printf '{"id": "k%d", "body": "Genet record."}\n' 1 2 3 4 5 6 >"$WORK/other/g.jsonl"
expect_rc 0 "$X" --shards 2 --db "$S" "$A" "$WORK/other"
expect_count 8 --db "$S" ''
expect_rc 0 "$X" --db "$S" "$A" "$WORK/other"
expect_grep '0 indexed .* 3 files unchanged' cat "$WORK/err"
printf '{"id": "k%d", "body": "Genet record."}\n' 1 2 >"$WORK/other/g.jsonl"
rm "$WORK/other/x.txt"
expect_rc 0 "$X" --db "$S" --prune "$WORK/other"
expect_grep '2 indexed \(0 new, 2 replaced\), 0 skipped, 5 deleted' cat "$WORK/err"
expect_count 3 --db "$S" ''
expect_ids "k1 k2" --db "$S" genet

finish
