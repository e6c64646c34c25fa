# Words typed as the text has them (issue 11, item 8): ampersands, inner dots, dotted
# abbreviations with hyphens, web addresses and non-ASCII letters find the article
# that holds them, and so does every word of a standfirst line. Invented articles.
source "$(dirname "$0")/lib.bash"
C="$WORK/corpus"
mkdir -p "$C"
cat >"$C/markets.txt" <<'TXT'
Telecoms shares rally
Brokers cheer a quiet week

Shares of AT&T rose on Tuesday as the S&P index gained. Dealers cited the CSRA.S listing
and a late move in the TVIV.O quote.
TXT
cat >"$C/plant.txt" <<'TXT'
Factory sale agreed
A U.S.-owned group buys the old mill

Senator Jane Doe, D-R.I., welcomed the deal at the mill on Friday.
TXT
cat >"$C/music.txt" <<'TXT'
Singer opens a website
The site www.example.com went live

The musician will.i.am spoke about Fußball and music at the launch.
TXT
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"

for w in 'AT&T' 'S&P' 'CSRA.S' 'TVIV.O' 'csra.s' 'at&t'; do expect_ids "markets" "$w"; done
for w in 'U.S.-owned' 'D-R.I.' 'D-R.I' 'u.s.-owned' 'mill'; do expect_ids "plant" "$w"; done
for w in 'www.example.com' 'will.i.am' 'Fußball' 'FUSSBALL' 'fußball' 'WWW.EXAMPLE.COM'; do expect_ids "music" "$w"; done
# The standfirst line is indexed with the rest of the text.
expect_ids "markets" 'quiet'
expect_ids "plant" 'U.S.-owned group'
expect_ids "music" 'site'
# With operators, love/hate and groups around them, and under title:.
expect_ids "markets music" 'S&P OR Fußball'
expect_ids "music plant" -- '-S&P -AT&T'
expect_ids "markets" '(AT&T OR nothingsuch) +CSRA.S'
expect_ids "markets" 'title:telecoms'
expect_ids "" 'title:S&P'
# A phrase holding such a word is the phrase of the indexer's words.
expect_ids "markets" '"the S&P index"'
# Around NEAR and ADJ words stay as typed (Xapian takes single terms there): an answer, not exit 1.
expect_rc 0 "$BIN/newsfacet-query" 'S&P NEAR index'
expect_rc 0 "$BIN/newsfacet-query" 'rose ADJ/3 AT&T'
expect_ids "" '"the S&P quote"'
expect_ids "music" '"about Fußball and"'
# No "did you mean" for a part of a word held as written ("CSRA" of CSRA.S).
expect_grep '"did_you_mean": null' "$BIN/newsfacet-query" --format json 'CSRA.S'
# --explain shows the indexer's words.
expect_grep 'query: phrase\(word:s word:p\)' "$BIN/newsfacet-query" --explain 'S&P'
expect_grep 'query: word:fussball' "$BIN/newsfacet-query" --explain 'Fußball'

# The round trip over this corpus: every token of every article finds it; without
# the literal words some do not.
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-bench" roundtrip --work "$WORK/rt" --min 100 "$C" >"$WORK/rt.out" 2>&1 ||
  fail "roundtrip below 100%: $(cat "$WORK/rt.out")"
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-bench" roundtrip --work "$WORK/rt" --reuse-index --no-literal-words --min 100 "$C" >"$WORK/rt2.out" 2>&1 &&
  fail "roundtrip without literal words reached 100%: $(cat "$WORK/rt2.out")"
expect_grep 'CSRA\.S' cat "$WORK/rt2.out"
finish
