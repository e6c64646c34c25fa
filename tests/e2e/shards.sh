# Sharded databases (newsfacet-index --shards N) and remote shards served by stock
# xapian-tcpsrv: the same hits (ids, order, scores) and facet counts as one database.
source "$(dirname "$0")/lib.bash"

# A corpus of 120 articles recombined from the seeds' paragraphs (awk's srand makes
# it the same every run), with publication dates spread over two years.
corpus="$WORK/corpus"
mkdir -p "$corpus"
awk -v out="$corpus" '
  FNR > 1 && NF > 0 { para[n++] = $0 }
  END {
    srand(13)
    print "file\tpublished\tnote" > (out "/manifest.tsv")
    for (i = 0; i < 120; i++) {
      f = sprintf("%s/a%03d.txt", out, i)
      print "Story " i " of the generated corpus\n" > f
      k = 2 + int(rand() * 5)
      for (j = 0; j < k; j++) print para[int(rand() * n)] > f
      close(f)
      printf "a%03d.txt\t%d-%02d-%02d\tgenerated\n", i, 2023 + int(rand() * 2), 1 + int(rand() * 12), 1 + int(rand() * 28) >> (out "/manifest.tsv")
    }
  }' "$SEEDS"/*.txt

one="$WORK/one.db"
sharded="$WORK/sharded"
expect_rc 0 "$BIN/newsfacet-index" -q --db "$one" "$corpus"
expect_rc 0 "$BIN/newsfacet-index" -q --shards 3 --db "$sharded" "$corpus"
for k in 0 1 2; do
  CHECKS=$((CHECKS + 1))
  [ -f "$sharded/shard-$k/iamglass" ] || fail "no shard-$k database under $sharded"
done
CHECKS=$((CHECKS + 1))
grep -q '^glass shard-2$' "$sharded/XAPIANDB" || fail "stub does not list shard-2: $(cat "$sharded/XAPIANDB")"

# The JSON of a search, without what may differ (time, the database path).
search() { "$BIN/newsfacet-query" --format json --facet speaker,place,published:month,mentioned:year "$@" | grep -v '"elapsed_ms"'; }

# The JSON without an estimated total (the "total" line when "exact" is false).
drop_estimate() {
  local s; s=$(cat)
  if grep -q '"exact": false' <<<"$s"; then grep -v '"total"' <<<"$s"; else echo "$s"; fi
}

queries=('' 'peace' 'Israel OR Gaza' 'place:Israel' 'speaker:Healey' '"Defence Secretary"' 'war -peace')
same_as_one() {
  local label=$1 db=$2 q stub=()
  # A stub file is read only when asked for (--stub); a sharded directory is not.
  [ -f "$db" ] && stub=(--stub)
  for q in "${queries[@]}"; do
    CHECKS=$((CHECKS + 1))
    local want got
    want=$(search --db "$one" -- "$q" 2>&1)
    got=$(search "${stub[@]}" --db "$db" -- "$q" 2>&1)
    [ "$want" = "$got" ] || fail "$label, query [$q]: differs from one database: $(diff <(echo "$want") <(echo "$got") | head -10)"
  done
  CHECKS=$((CHECKS + 1))
  [ "$("$BIN/newsfacet-query" "${stub[@]}" --db "$db" --count '')" = "$("$BIN/newsfacet-query" --db "$one" --count '')" ] || fail "$label: --count differs"
  # Pivots and more-like-this (issue 16): the same as one database. A total that is
  # an estimate ("exact": false: no facets, no --count) may differ: remote shards
  # estimate otherwise than one database; the exact count (--count) is compared.
  local args
  for args in "--pivot speaker,published:month" "--pivot place:country,speaker --quotes" "--like a005" \
              "--like a017 -f place=Israel" "--like a005 --quotes"; do
    CHECKS=$((CHECKS + 2))
    local want got
    # shellcheck disable=SC2086
    want=$("$BIN/newsfacet-query" --format json --db "$one" $args -- '' 2>&1 | grep -v '"elapsed_ms"' | drop_estimate)
    # shellcheck disable=SC2086
    got=$("$BIN/newsfacet-query" --format json "${stub[@]}" --db "$db" $args -- '' 2>&1 | grep -v '"elapsed_ms"' | drop_estimate)
    [ "$want" = "$got" ] || fail "$label, $args: differs from one database: $(diff <(echo "$want") <(echo "$got") | head -10)"
    # shellcheck disable=SC2086
    want=$("$BIN/newsfacet-query" --count --db "$one" $args -- '' 2>&1)
    # shellcheck disable=SC2086
    got=$("$BIN/newsfacet-query" --count "${stub[@]}" --db "$db" $args -- '' 2>&1)
    [ "$want" = "$got" ] || fail "$label, $args --count: $got, one database $want"
  done
}
same_as_one "3 local shards" "$sharded"
# "Did you mean": local shards merge their spelling data (Xapian does).
expect_grep '"did_you_mean": "ceasefire"' "$BIN/newsfacet-query" --db "$one" --format json cesefire
expect_grep '"did_you_mean": "ceasefire"' "$BIN/newsfacet-query" --db "$sharded" --format json cesefire
# The corpus has ties (shared paragraphs): check that the order really is by score then
# the id-derived value, so the comparison above is not luck.
CHECKS=$((CHECKS + 1))
[ "$(search --db "$one" -- '' | grep -c '"score": 0')" -ge 10 ] || fail "match-all should rank ten hits with score 0"

# Re-indexing into the shards replaces, deletes find the article's shard, and the
# number of shards is fixed.
expect_rc 0 "$BIN/newsfacet-index" -q --db "$sharded" "$corpus"
expect_grep '^120$' "$BIN/newsfacet-query" --db "$sharded" --count ''
expect_rc 0 "$BIN/newsfacet-index" -q --db "$sharded" --delete a007
expect_grep '^119$' "$BIN/newsfacet-query" --db "$sharded" --count ''
expect_rc 0 "$BIN/newsfacet-index" -q --db "$sharded" "$corpus/a007.txt"
expect_grep '^120$' "$BIN/newsfacet-query" --db "$sharded" --count ''
expect_rc 2 "$BIN/newsfacet-index" -q --shards 2 --db "$sharded" "$corpus"
expect_rc 2 "$BIN/newsfacet-index" -q --shards 2 --db "$one" "$corpus"
expect_rc 0 "$BIN/newsfacet-index" -q --shards 3 --db "$sharded" "$corpus/a001.txt"
expect_grep 'place' "$BIN/newsfacet-index" --db "$sharded" --dry-run "$corpus/a001.txt"

# Remote: each shard served by its own stock xapian-tcpsrv on a free loopback port.
if ! command -v xapian-tcpsrv >/dev/null; then
  echo "xapian-tcpsrv missing (Debian package xapian-tools, installed by scripts/)" >&2
  fail "xapian-tcpsrv not installed"
  finish
fi
pids=()
stop_servers() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  pids=()
}
trap stop_servers EXIT
# serve DB: starts xapian-tcpsrv on a free port (retrying taken ones), sets PORT.
serve() {
  local db=$1 try port log pid
  for try in $(seq 1 20); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    log="$WORK/tcpsrv-$port.log"
    # In a session of its own: on SIGTERM, xapian-tcpsrv signals its whole process
    # group (its per-connection children), which would otherwise include this script.
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --idle-timeout 30000 "$db" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      grep -q 'Listening' "$log" && { pids+=("$pid"); PORT=$port; return 0; }
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  return 1
}
stub="$WORK/remote.stub"
: >"$stub"
for k in 0 1 2; do
  if serve "$sharded/shard-$k"; then
    echo "remote 127.0.0.1:$PORT" >>"$stub"
  else
    fail "could not start xapian-tcpsrv for shard $k"
  fi
done
same_as_one "3 remote shards" "$stub"
# Remote shards serve no spelling data (Xapian 1.4): no suggestion, no error.
expect_grep '"did_you_mean": null' "$BIN/newsfacet-query" --stub --db "$stub" --format json cesefire
expect_rc 0 "$BIN/newsfacet-query" --stub --db "$stub" cesefire
stop_servers
# A remote shard that is not there: an error, not a hang.
expect_rc 1 timeout 60 "$BIN/newsfacet-query" --stub --db "$stub" peace
# Without --stub, a stub file is not read at all (it could name a program to run).
expect_rc 1 "$BIN/newsfacet-query" --db "$stub" peace
finish
