# --like ID (issue 16): more like this article: ranked by the article's most
# distinctive words, never the article itself, with the query and -f selecting.
source "$(dirname "$0")/lib.bash"
index_seeds
Q="$BIN/newsfacet-query"

# The seeds share Healey, Israel and Gaza: each is like the other two.
expect_ids "$S1 $S2" --like "$S0"
expect_ids "$S0 $S2" --like "$S1"
expect_ids "$S0 $S1" --like "$S2"
# Filters and a query select among them (002 is the Tokyo one); they do not rank.
expect_ids "$S2" --like "$S0" -f place=Japan
expect_ids "$S2" --like "$S0" Tokyo
expect_ids "$S2" --like "$S0" place:Tokyo
expect_ids "" --like "$S0" -f place=Japan date:2024
expect_grep '^2$' "$Q" --like "$S0" --count
expect_grep '"total": 2' "$Q" --like "$S0" --format json
expect_grep '"score": [1-9]' "$Q" --like "$S0" --format json
expect_grep '^1\. ' "$Q" --like "$S0"
CHECKS=$((CHECKS + 1))
[ "$("$Q" --like "$S0" --output ids | sort | tr '\n' ' ')" = "$S1 $S2 " ] || fail "--like --output ids"
# Facets count the similar articles.
expect_grep '"value": "Yoav Gallant"' "$Q" --like "$S0" --format json --facet person
# --explain shows the words taken from the article, and that it is left out.
expect_grep "AND NOT id:$S0" "$Q" --like "$S0" --explain
# Quotes: quotes of the other articles, not of this one.
CHECKS=$((CHECKS + 1))
arts=$("$Q" --like "$S0" --quotes --format json -n 100 | grep -o '"article": "[^"]*"' | sort -u | tr '\n' ' ')
[ -n "$arts" ] && ! echo "$arts" | grep -q "$S0" || fail "--like --quotes: quotes from [$arts]"
# An id no article has: exit 2, saying so.
expect_rc 2 "$Q" --like no_such_article
expect_grep 'no article with this id' "$Q" --like no_such_article
expect_rc 2 "$Q" --like ''
expect_rc 2 "$Q" --like "$S0#0"
finish
