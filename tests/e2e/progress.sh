# Indexing progress (issue 16): on a terminal, one line rewritten in place with the
# total, percentage, rate and ETA; on a pipe, none of it (only the summary). script(1)
# (bsdutils, essential in Debian) gives the indexer a terminal.
source "$(dirname "$0")/lib.bash"
command -v script >/dev/null 2>&1 || { fail "script(1) is missing (Debian package bsdutils)"; finish; }
# tty_index OUT ARGS...: newsfacet-index ARGS on a pseudo-terminal; what the terminal
# showed (stdout and stderr together) goes to OUT.
tty_index() {
  local out=$1; shift
  local cmd="$BIN/newsfacet-index"; local a
  for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
  script -qfec "$cmd" /dev/null </dev/null >"$out"
}
CR=$(printf '\r')

# Article files: the total is exact, from the files found before the first is read.
mkdir -p "$WORK/files"
for i in $(seq 1 12); do
  for s in "$SEEDS"/*.txt; do cp "$s" "$WORK/files/$i-$(basename "$s")"; done
done
n=$(ls "$WORK/files" | wc -l)
tty_index "$WORK/tty" --db "$WORK/db-files" "$WORK/files"
rc=$?
CHECKS=$((CHECKS + 1))
[ "$rc" = 0 ] || fail "newsfacet-index on a terminal exited non-zero"
frames=$(tr '\r' '\n' <"$WORK/tty" | grep -cE "^indexed [0-9]+ of $n articles \([0-9]+%\), [0-9]+ articles/s, ETA [0-9]+:[0-9]{2}")
CHECKS=$((CHECKS + 1))
[ "$frames" -ge 2 ] || fail "expected at least 2 in-place progress frames of $n articles, got $frames: $(od -c "$WORK/tty" | head -20)"
# Rewritten in place: each frame starts with a carriage return, none ends a line.
CHECKS=$((CHECKS + 1))
grep -q "${CR}indexed 1 of $n articles" "$WORK/tty" || fail "the first frame does not start with CR: $(head -c 300 "$WORK/tty" | od -c | head)"
CHECKS=$((CHECKS + 1))
grep -qE "indexed $n of $n articles \(100%\)" <(tr '\r' '\n' <"$WORK/tty") || fail "no final 100% frame"
CHECKS=$((CHECKS + 1))
grep -qaE "ETA [0-9:-]+ *${CR}?\$" "$WORK/tty" && fail "a progress frame ended a line (not rewritten in place)"
# The summary follows on a line of its own.
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty" | grep -qE "^newsfacet-index: $n indexed \($n new, 0 replaced\)" || fail "no summary line after the progress: $(tr '\r' '\n' <"$WORK/tty" | tail -3)"
# Nothing but printable text and CR/LF reaches the terminal.
CHECKS=$((CHECKS + 1))
LC_ALL=C grep -q "$(printf '\033')" "$WORK/tty" && fail "the progress printed an escape sequence"

# Piped (the same run, stderr not a terminal): only the summary, none of the above.
"$BIN/newsfacet-index" --db "$WORK/db-pipe" "$WORK/files" 2>"$WORK/piped" >/dev/null
CHECKS=$((CHECKS + 1))
if grep -qE "ETA|%|of $n articles" "$WORK/piped" || grep -q "$CR" "$WORK/piped"; then
  fail "progress went to a pipe: $(od -c "$WORK/piped" | head)"
fi
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/piped")" = 1 ] && grep -q "^newsfacet-index: $n indexed" "$WORK/piped" || fail "piped stderr is not the one summary line: $(cat "$WORK/piped")"

# --quiet on a terminal: nothing at all.
tty_index "$WORK/quiet" -q --db "$WORK/db-quiet" "$WORK/files"
CHECKS=$((CHECKS + 1))
[ -s "$WORK/quiet" ] && fail "--quiet printed on a terminal: $(head -c 300 "$WORK/quiet")"

# JSON Lines: the total is estimated from the bytes read so far ("of about N").
# Over 64 KiB, so the first frame comes before the whole file is read.
for i in $(seq 1 500); do
  printf '{"id": "j%d", "title": "Talks resume in Paris, round %d", "date": "2024-05-01", "body": "The minister said the talks in Paris would continue next week. Officials from both sides met on Tuesday for round %d."}\n' "$i" "$i" "$i"
done >"$WORK/many.jsonl"
tty_index "$WORK/tty-jsonl" --db "$WORK/db-jsonl" "$WORK/many.jsonl"
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty-jsonl" | grep -qE "^indexed [0-9]+ of about [0-9]+ articles \([0-9]+%\), [0-9]+ articles/s, ETA " \
  || fail "no estimated total for JSON Lines: $(tr '\r' '\n' <"$WORK/tty-jsonl" | head -3)"
# At the end every byte is read: the total is the count itself.
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty-jsonl" | grep -qE "^indexed 500 of 500 articles \(100%\)" \
  || fail "the last JSON Lines frame is not 500 of 500: $(tr '\r' '\n' <"$WORK/tty-jsonl" | tail -3)"
# An estimate never above 100% nor a percentage over 100.
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty-jsonl" | grep -qE "\((10[1-9]|1[1-9][0-9]|[2-9][0-9]{2}|[0-9]{4,})%\)" && fail "a percentage over 100"

# A narrow terminal: the line is cut to its width (a wrapped line could not be
# rewritten in place).
script -qfec "stty cols 30; $(printf '%q ' "$BIN/newsfacet-index" --db "$WORK/db-narrow" "$WORK/files")" /dev/null </dev/null >"$WORK/tty-narrow"
CHECKS=$((CHECKS + 1))
long=$(tr '\r' '\n' <"$WORK/tty-narrow" | grep -E "^indexed" | awk 'length($0) > 29' | head -1)
[ -z "$long" ] || fail "a progress frame wider than a 30-column terminal: [$long]"
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty-narrow" | grep -qE "^indexed [0-9]+ of $n art" || fail "no frame on a narrow terminal: $(head -c 200 "$WORK/tty-narrow" | od -c | head -5)"

# Sharded indexing shows the same line.
tty_index "$WORK/tty-shards" --shards 2 --db "$WORK/db-shards" "$WORK/files"
CHECKS=$((CHECKS + 1))
tr '\r' '\n' <"$WORK/tty-shards" | grep -qE "^indexed [0-9]+ of $n articles \([0-9]+%\)" || fail "no progress with --shards"

finish
