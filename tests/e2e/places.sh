# Places (issue 12) end to end on invented articles: continents and sub-regions roll up
# the countries and cities an article names.
source "$(dirname "$0")/lib.bash"
C="$WORK/corpus"
mkdir -p "$C"
printf 'Summit\n\nLeaders of Russia and Armenia met on Friday.\n' >"$C/summit.txt"
printf 'Markets\n\nShares rose in Tokyo and fell in Frankfurt.\n' >"$C/markets.txt"
printf 'Festival\n\nThe festival in Lagos drew large crowds.\n' >"$C/festival.txt"
printf 'Tour\n\nThe band will tour Europe next year.\n' >"$C/tour.txt"
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"
# Continents: Russia is Europe, Armenia Asia (one UN M49 region per country).
expect_ids "markets summit tour" 'place:Europe'
expect_ids "markets summit" 'place:Asia'
expect_ids "summit" 'place:"Eastern Europe"'
expect_ids "summit" 'place:"Western Asia"'
expect_ids "markets" 'place:"Eastern Asia"'
expect_ids "festival" 'place:Africa'
expect_ids "festival" 'place:"Sub-Saharan Africa"'
expect_ids "" 'place:"North America"'
# A facet value selects what it counted; the region is a place facet value.
expect_grep 'Europe +3' "$BIN/newsfacet-query" --facet place --facet-limit 50 --count ''
expect_ids "markets summit tour" -f place=Europe ''
# A region is not a country: the country facet does not list it.
expect_ids "" 'country:Europe'
expect_grep 'why: place Europe: contains Russia' "$BIN/newsfacet-query" --explain 'place:Europe' 'Leaders'
finish
