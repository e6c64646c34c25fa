# Issue 12 end to end on a small invented corpus: a city that names its region
# (place:Gaza finds the Gaza Strip), AP state abbreviations without a stop, and
# clubs, awards and firms that look like names kept out of the person facet.
source "$(dirname "$0")/lib.bash"
C="$WORK/corpus"
mkdir -p "$C"
printf 'Strip talks\n\nFighting in the Gaza Strip went on, officials in Ramallah said.\n' >"$C/strip.txt"
printf 'City queues\n\nPeople in Gaza queued for bread on Monday.\n' >"$C/city.txt"
printf 'Oil prices\n\nTULSA, Okla, March 3 - Oil prices fell, Hal Brenner said.\n' >"$C/tulsa.txt"
printf 'Cup final\n\nPeter Hallworth scored twice as Rosalind are top. The Rosalind defender was sent off.\n\nShe won an Oscar for the role, and the Oscar ceremony is in March.\n' >"$C/cup.txt"
printf 'Bond issue\n\nThe issue was led by Morgan Hatchley and Co Inc. Morgan Hatchley said prices rose to 40 mln U. S. Dlrs.\n' >"$C/bond.txt"
"$BIN/newsfacet-index" -q "$C" || fail "indexing exited $?"
expect_ids "city strip" 'place:Gaza'
expect_ids "city strip" 'place:"Gaza Strip"'
expect_ids "city strip" 'place:Palestine'
expect_ids "tulsa" 'place:Oklahoma'
expect_ids "cup" 'person:"Peter Hallworth"'
expect_ids "" 'person:Rosalind'
expect_ids "" 'person:Oscar'
expect_ids "" 'person:"Morgan Hatchley"'
expect_ids "" 'person:Dlrs'
finish
