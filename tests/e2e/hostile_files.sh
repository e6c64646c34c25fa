# Hostile input trees and hostile text (issue 14, items 6 and 8): symbolic link loops,
# FIFOs and devices where articles or manifests should be, BOMs, Unicode white space,
# and terminal escapes in titles, ids, file names and dates. Nothing may hang (every
# run is under `timeout`), abort the run, or reach the terminal as an escape.
source "$(dirname "$0")/lib.bash"
export LC_ALL=C
T="timeout 30"

# no_escapes FILE...: none of ESC, CSI as C1 (U+009B), BEL, U+202E or U+2066 in the files.
no_escapes() {
  CHECKS=$((CHECKS + 1))
  local f
  for f in "$@"; do
    if grep -q $'\033\|\007\|\xc2\x9b\|\xe2\x80\xae\|\xe2\x81\xa6' "$f"; then
      fail "terminal escapes reached the terminal in $f: $(cat -v "$f" | head -c 400)"
    fi
  done
}

# --- Item 6: trees with loops, FIFOs and devices --------------------------------------
TREE="$WORK/tree"
mkdir -p "$TREE/sub/deeper" "$TREE/man" "$TREE/zman"
printf 'Good headline\n\nA story about pangolins in Lima.\n' >"$TREE/good.txt"
printf 'Deep headline\n\nA story about pangolins in Quito.\n' >"$TREE/sub/deeper/deep.txt"
ln -s self.txt "$TREE/sub/self.txt"        # a link to itself
ln -s loop2 "$TREE/sub/loop1"              # two links to each other
ln -s loop1 "$TREE/sub/loop2"
ln -s missing.txt "$TREE/sub/broken.txt"   # a link to nothing
ln -s .. "$TREE/sub/deeper/up"             # a link to a directory: not followed
mkfifo "$TREE/fifo.jsonl" "$TREE/fifo.txt"
ln -s /dev/zero "$TREE/zero.jsonl"
printf 'Manifest headline\n\nOcelots in a directory whose manifest is a FIFO.\n' >"$TREE/man/a.txt"
mkfifo "$TREE/man/manifest.tsv"
printf 'Zero headline\n\nOcelots in a directory whose manifest is a device.\n' >"$TREE/zman/a.txt"
ln -s /dev/zero "$TREE/zman/manifest.tsv"

# The whole tree: every bad entry is named and skipped, the rest indexed, exit 3.
expect_rc 3 $T "$BIN/newsfacet-index" "$TREE"
expect_grep 'sub/self\.txt: a symbolic link loop, skipped' cat "$WORK/err"
expect_grep 'sub/loop1: a symbolic link loop, skipped' cat "$WORK/err"
expect_grep 'sub/broken\.txt: a broken symbolic link, skipped' cat "$WORK/err"
expect_grep 'fifo\.jsonl: not a regular file \(a FIFO\), skipped' cat "$WORK/err"
expect_grep 'fifo\.txt: not a regular file \(a FIFO\), skipped' cat "$WORK/err"
expect_grep 'zero\.jsonl: not a regular file \(a character device\), skipped' cat "$WORK/err"
expect_grep 'man/manifest\.tsv: not a regular file \(a FIFO\), ignored' cat "$WORK/err"
expect_grep 'zman/manifest\.tsv: not a regular file \(a character device\), ignored' cat "$WORK/err"
expect_grep '4 indexed \(4 new, 0 replaced\), 7 skipped' cat "$WORK/err"
expect_ids "good sub/deeper/deep" pangolins
expect_ids "man/a zman/a" ocelots

# The same files given by name: never a hang, never a crash.
expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$TREE/fifo.jsonl"
expect_grep 'not a regular file \(a FIFO\), skipped' cat "$WORK/err"
expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$TREE/fifo.txt"
expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$TREE/zero.jsonl" /dev/zero
expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$TREE/sub/self.txt"
expect_grep 'self\.txt: a symbolic link loop, skipped' cat "$WORK/err"
expect_rc 0 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$TREE/man/a.txt"
expect_grep 'manifest\.tsv: not a regular file \(a FIFO\), ignored' cat "$WORK/err"
expect_rc 3 $T "$BIN/newsfacet-index" --dry-run "$TREE/fifo.jsonl"
# A socket where an article should be (when python3 can make one).
if command -v python3 >/dev/null; then
  python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$WORK/sock.txt"
  expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/f.db" "$WORK/sock.txt"
  expect_grep 'sock\.txt: not a regular file \(a socket\), skipped' cat "$WORK/err"
fi

# A BOM before line 1 of JSON Lines and of a manifest is not part of the data.
printf '\xef\xbb\xbf{"id": "bom1", "title": "Bom title", "body": "Narwhals here.", "date": "2021-02-03"}\n{"id": "bom2", "body": "Narwhals again."}\n' >"$WORK/bom.jsonl"
expect_rc 0 $T "$BIN/newsfacet-index" --db "$WORK/bom.db" "$WORK/bom.jsonl"
expect_ids "bom1 bom2" --db "$WORK/bom.db" narwhals
expect_ids "bom1" --db "$WORK/bom.db" 'narwhals date:2021-02-03'
mkdir -p "$WORK/bomman"
printf 'Bom manifest headline\n\nWalruses.\n' >"$WORK/bomman/w.txt"
printf '\xef\xbb\xbffile\tdate\nw.txt\t2019-09-09\n' >"$WORK/bomman/manifest.tsv"
expect_rc 0 $T "$BIN/newsfacet-index" --db "$WORK/bom.db" "$WORK/bomman"
expect_ids "w" --db "$WORK/bom.db" 'walruses date:2019-09-09'

# Files (and JSON Lines articles) of only Unicode white space are empty, not articles.
printf '\xc2\xa0\xc2\xa0\n\xe3\x80\x80 \xe2\x80\x83\n' >"$WORK/nbsp.txt"      # NBSP, U+3000, EM SPACE
printf '\xe2\x80\x8b\xe2\x80\xa8\xef\xbb\xbf\t\r\n' >"$WORK/zw.txt"            # ZWSP, U+2028, U+FEFF
printf '{"id": "ws", "body": "\\u00a0\\u3000"}\n{"id": "ok", "body": "Quolls."}\n\xc2\xa0\n' >"$WORK/ws.jsonl"
expect_rc 3 $T "$BIN/newsfacet-index" --db "$WORK/ws.db" "$WORK/nbsp.txt" "$WORK/zw.txt" "$WORK/ws.jsonl"
expect_grep 'nbsp\.txt: empty file, skipped' cat "$WORK/err"
expect_grep 'zw\.txt: empty file, skipped' cat "$WORK/err"
expect_grep 'ws\.jsonl:1: empty article, skipped' cat "$WORK/err"
expect_grep '1 indexed \(1 new, 0 replaced\), 3 skipped' cat "$WORK/err"
expect_grep '^1$' "$BIN/newsfacet-query" --db "$WORK/ws.db" --count ''

# --- Item 8: nothing from the input reaches the terminal as an escape --------------------
E="$WORK/esc"
mkdir -p "$E"
esc=$'\033'
# Title with OSC (window title), BEL, CSI as C1 (U+009B), U+202E and U+2066.
printf 'Bad \033]0;pwned\007 title \xc2\x9b31m \xe2\x80\xae evil \xe2\x81\xa6 end\n\nTapirs were seen near the river.\n' >"$E/id${esc}[31mx.txt"
printf '{"id": "e\\u001b[2Jid", "title": "T\\u001b]0;x\\u0007 \\u202e long enough", "body": "Tapirs again \\u009b2J by the river.", "date": "\\u001b[31m2020 \\u202e"}\n' >"$E/e.jsonl"
: >"$E/empty${esc}[31m.txt"
printf 'x\ty\n' >"$E/manifest.tsv"
printf 'id%s[1mx.txt\t\033[5m2020\n' "$esc" >>"$E/manifest.tsv"

"$BIN/newsfacet-index" --dry-run "$E" >"$WORK/dry.out" 2>"$WORK/dry.err"
no_escapes "$WORK/dry.out" "$WORK/dry.err"
expect_grep 'title: +T�\]0;x� � long enough' cat "$WORK/dry.out"
expect_grep 'is not YYYY-MM-DD' cat "$WORK/dry.err"
"$BIN/newsfacet-index" --db "$WORK/esc.db" "$E" >"$WORK/ix.out" 2>"$WORK/ix.err"
no_escapes "$WORK/ix.out" "$WORK/ix.err"
expect_grep 'empty�\[31m\.txt: empty file, skipped' cat "$WORK/ix.err"
expect_grep 'date "�\[31m2020 �" is not YYYY-MM-DD' cat "$WORK/ix.err"
expect_grep 'manifest\.tsv:2: "�\[5m2020" is not a date' cat "$WORK/ix.err"
"$BIN/newsfacet-query" --db "$WORK/esc.db" --explain --facet person tapirs >"$WORK/q.out" 2>"$WORK/q.err"
no_escapes "$WORK/q.out" "$WORK/q.err"
expect_grep '«Tapirs» again �2J by the river' cat "$WORK/q.out"
"$BIN/newsfacet-query" --db "$WORK/esc.db" --quotes tapirs >"$WORK/q.out" 2>"$WORK/q.err"
no_escapes "$WORK/q.out" "$WORK/q.err"
# JSON keeps the text, with the controls escaped.
"$BIN/newsfacet-query" --db "$WORK/esc.db" --format json tapirs >"$WORK/q.json"
no_escapes "$WORK/q.json"
expect_grep '"title": "Bad \\u001b\]0;pwned\\u0007 title \\u009b31m \\u202e evil \\u2066 end"' cat "$WORK/q.json"
"$BIN/newsfacet-index" --dry-run --format json "$E" >"$WORK/dry.json" 2>/dev/null
no_escapes "$WORK/dry.json"
# Messages that echo the command line: queries, paths, ids.
"$BIN/newsfacet-query" --db "$WORK/esc.db" "tapirs date:${esc}[31m" >"$WORK/q.out" 2>"$WORK/q.err"
no_escapes "$WORK/q.out" "$WORK/q.err"
"$BIN/newsfacet-query" --db "$WORK/no${esc}[31m.db" tapirs >"$WORK/q.out" 2>"$WORK/q.err"
no_escapes "$WORK/q.err"
expect_grep 'no�\[31m\.db' cat "$WORK/q.err"
"$BIN/newsfacet-index" --db "$WORK/esc.db" --delete "x${esc}[31m" >"$WORK/ix.out" 2>"$WORK/ix.err"
no_escapes "$WORK/ix.err"
"$BIN/newsfacet-index" --db "$WORK/esc.db" --published "${esc}[31m" "$E" >"$WORK/ix.out" 2>"$WORK/ix.err"
no_escapes "$WORK/ix.err"
"$BIN/newsfacet-query" --db "$WORK/esc.db" "--bogus${esc}[31m" >"$WORK/q.out" 2>"$WORK/q.err"
no_escapes "$WORK/q.err"
finish
