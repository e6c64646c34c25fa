# Places (issue 12) end to end on invented articles: continents and sub-regions roll up
# the countries and cities an article names.
source "$(dirname "$0")/lib.bash"
C="$WORK/corpus"
mkdir -p "$C"
printf 'Summit\n\nLeaders of Russia and Armenia met on Friday.\n' >"$C/summit.txt"
printf 'Markets\n\nShares rose in Tokyo and fell in Frankfurt.\n' >"$C/markets.txt"
printf 'Festival\n\nThe festival in Lagos drew large crowds.\n' >"$C/festival.txt"
printf 'Tour\n\nThe band will tour Europe next year.\n' >"$C/tour.txt"
printf 'Banks\n\nBanks in Z\303\274rich and Gen\303\250ve reported gains. M\303\274nchen also rose.\n' >"$C/banks.txt"
printf 'Fairs\n\nTrade fairs in Koln and Munchen opened.\n' >"$C/fairs.txt"
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"
# Continents: Russia is Europe, Armenia Asia (one continent per country, the UN's).
expect_ids "banks fairs markets summit tour" 'place:Europe'
expect_ids "markets summit" 'place:Asia'
expect_ids "festival" 'place:Africa'
# Only the continent: no sub-region ("Eastern Europe") is written for Russia.
expect_ids "" 'place:"Eastern Europe"'
expect_ids "" 'place:"Sub-Saharan Africa"'
expect_ids "" 'place:"North America"'
# A facet value selects what it counted; the region is a place facet value.
expect_grep 'Europe +5' "$BIN/newsfacet-query" --facet place --facet-limit 50 --count ''
expect_ids "banks fairs markets summit tour" -f place=Europe ''
# A region is not a country: the country facet does not list it.
expect_ids "" 'country:Europe'
expect_grep 'why: place Europe: contains Russia' "$BIN/newsfacet-query" --explain 'place:Europe' 'Leaders'
# Native spellings (and their ASCII folds) are the English-named city; any spelling finds it.
for q in place:Zurich place:Zürich place:zurich place:Geneva place:Genève place:Geneve; do
  expect_ids "banks" "$q"
done
expect_ids "banks fairs" 'place:Munich'
expect_ids "banks fairs" 'place:München'
expect_ids "fairs" 'place:Cologne'
expect_ids "banks" 'place:Switzerland'
expect_ids "banks" 'city:Genève'
expect_grep 'Geneva +1' "$BIN/newsfacet-query" --facet place:city --count ''
# Georgia the country and the US state, Washington D.C. and Washington State: the text
# decides, and the state's own facet value keeps place:Georgia for the country.
printf 'Vote\n\nGeorgia held elections, officials in Tbilisi said.\n' >"$C/vote.txt"
printf 'Storm\n\nA storm hit Atlanta, Georgia on Monday.\n' >"$C/storm.txt"
printf 'Rain\n\nFlooding closed roads near Seattle, Washington on Tuesday.\n' >"$C/rain.txt"
printf 'Talks\n\nThe minister held talks in Washington with the President.\n' >"$C/talks.txt"
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"
expect_ids "vote" 'place:Georgia'
expect_ids "vote" 'country:Georgia'
expect_ids "storm" 'place:"Georgia (United States)"'
expect_ids "storm" 'place:Atlanta'
expect_ids "rain storm talks" 'place:"United States"'
expect_ids "talks" 'place:Washington'
expect_ids "talks" 'place:"Washington D.C."'
expect_ids "rain" 'place:"Washington State"'
expect_ids "storm" -f 'place=Georgia (United States)' ''
expect_ids "vote" -f 'place=Georgia' ''
expect_grep 'Georgia \(United States\) +1' "$BIN/newsfacet-query" --facet place --facet-limit 100 --count ''
expect_grep 'Washington State +1' "$BIN/newsfacet-query" --facet place --facet-limit 100 --count ''
# José is no city Jos (place:Gaza finding the Gaza Strip is e2e.places_people's).
printf 'Striker\n\nJos\303\251 scored twice for the visitors, and Jos\303\251 Silva made one.\n' >"$C/striker.txt"
printf 'Clashes\n\nClashes in Jos, Nigeria, left ten dead.\n' >"$C/clashes.txt"
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"
expect_ids "clashes" 'place:Jos'
expect_ids "" 'place:José'
expect_ids "clashes festival" 'place:Nigeria'
finish
