#!/usr/bin/env bash
# Builds the people-finder's reference data (data/names-*.tsv) from Debian packages:
#   libtext-names-perl          (Text::Names: US census first names and surnames)
#   link-grammar-dictionaries-en (given names, title nouns, common English words)
#   miscfiles                   (/usr/share/dict/propernames)
# plus small hand-curated tables of news usage (honorifics, offices, organisation
# words) written out below. Run from the repository root: scripts/build-names.sh
set -euo pipefail
export LC_ALL=C
out=${1:-data}
mkdir -p "$out"
names_pm=/usr/share/perl5/Text/Names.pm
lg=/usr/share/link-grammar/en/words
propernames=/usr/share/dict/propernames.gz
for f in "$names_pm" "$lg/entities.given-male.sing" "$lg/words.n.t"; do
  [[ -r $f ]] || { echo "build-names: missing $f (install libtext-names-perl link-grammar-dictionaries-en miscfiles)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Text::Names keeps its lists in here-documents: NAME  freq  cumfreq  rank.
heredoc() {  # $1 = variable name
  awk -v v="\$$1 = <<ENDNAMES;" '$0 == v {on=1; next} /^ENDNAMES/ {on=0} on' "$names_pm" |
    awk '{ for (i = 1; i + 3 <= NF; i += 4) print $i }'
}
titlecase() { awk '{ print toupper(substr($0,1,1)) tolower(substr($0,2)) }'; }
lgwords() { cat "$@" | tr ' ' '\n' | grep -v '^$' | sed 's/\.[a-z-]*$//'; }

# --- given names, with gender: m, f, b (both), u (unknown) ---------------------------
# link-grammar's hand-sorted lists decide first; otherwise the census frequencies (a
# name three times more frequent for one sex takes that sex); propernames adds "u".
heredocf() {  # NAME freq
  awk -v v="\$$1 = <<ENDNAMES;" '$0 == v {on=1; next} /^ENDNAMES/ {on=0} on' "$names_pm" |
    awk '{ for (i = 1; i + 3 <= NF; i += 4) print $i, $(i+1) }'
}
{
  lgwords "$lg"/entities.given-male.sing | sed 's/$/ lg m/'
  lgwords "$lg"/entities.given-female.sing | sed 's/$/ lg f/'
  lgwords "$lg"/entities.given-bisex.sing | sed 's/$/ lg b/'
  heredocf COMMON_MALE_FIRSTNAMES | awk '{ print toupper(substr($1,1,1)) tolower(substr($1,2)), "cm", $2 }'
  heredocf COMMON_FEMALE_FIRSTNAMES | awk '{ print toupper(substr($1,1,1)) tolower(substr($1,2)), "cf", $2 }'
  [[ -r $propernames ]] && zcat "$propernames" | sed 's/$/ pn u/'
} | grep -E '^[A-Z][a-z]+ ' |
  awk '$2 == "lg" { if (!($1 in lg)) lg[$1] = $3; else if (lg[$1] != $3) lg[$1] = "b"; seen[$1] = 1 }
       $2 == "cm" { m[$1] = $3; seen[$1] = 1 }
       $2 == "cf" { f[$1] = $3; seen[$1] = 1 }
       $2 == "pn" { seen[$1] = 1 }
       END { for (n in seen) {
               if ((n in lg) && !(lg[n] == "b" && ((n in m) || (n in f)))) g = lg[n];
               else if ((n in m) || (n in f)) { a = m[n] + 0; b = f[n] + 0; g = a > 3 * b ? "m" : b > 3 * a ? "f" : "b" }
               else g = "u";
               printf "%s\t%s\n", n, g } }' | sort >"$tmp/given"

# --- surnames ------------------------------------------------------------------------
heredoc COMMON_SURNAMES | titlecase | grep -E '^[A-Z][a-z]+$' | sort -u >"$tmp/surnames"

# --- common lower-case English words (nouns, adjectives, adverbs, verbs) -------------
# Used to reject "Officials said" / "Labour said" and sentence-initial capitals. Names
# that are also words (Rose, Mark, Will, Brown) are kept here: the finder looks at the
# name lists first.
lgwords "$lg"/words.n.1-* "$lg"/words.n.2.s "$lg"/words.n.3-* "$lg"/words.n.3.y "$lg"/words.adj.* \
  "$lg"/words.adv.* "$lg"/words.v.*.[1-5] |
  grep -E '^[a-z][a-z-]{1,10}$' >"$tmp/words.1"
# Nationality adjectives ("Israeli", "British") start many capitalised runs before names.
cat "$lg"/entities.people "$lg"/entities.people.vowel | tr ' ' '\n' | grep -E '^[A-Z][a-z-]+\.s$' | sed 's/\.s$//' |
  tr 'A-Z' 'a-z' >>"$tmp/words.1"
sort -u "$tmp/words.1" >"$tmp/words"

{
  echo "# given names: name<TAB>gender (m, f, b = both, u = unknown); source: libtext-names-perl 0.46 (Text::Names, US census lists), link-grammar-dictionaries-en 5.12 (words/entities.given-*), miscfiles 1.5 (dict/propernames); licence: Artistic or GPL-1+ / LGPL-2.1 / public domain"
  cat "$tmp/given"
} >"$out/names-given.tsv"
{
  echo "# common surnames, one a line; source: libtext-names-perl 0.46 (Text::Names, US census surnames); licence: Artistic or GPL-1+"
  cat "$tmp/surnames"
} >"$out/names-surnames.tsv"
{
  echo "# common lower-case English words; source: link-grammar-dictionaries-en 5.12 (words/words.n.*, words.adj.*, words.adv.*, words.v.*, entities.people* nationality words); licence: LGPL-2.1"
  cat "$tmp/words"
} >"$out/names-words.tsv"

# --- titles: phrase <TAB> kind -------------------------------------------------------
# kind: honorific (Mr, Dr: always followed by a name), office (capitalised before a
# name: "Defence Secretary John Healey"), role (a noun that may precede or follow a
# name in apposition: "spokesman John Kirby", "Jane Doe, a lawyer").
{
  echo "# person titles: phrase<TAB>kind (honorific|office|role); source: link-grammar-dictionaries-en 5.12 (words/words.n.t, title nouns; LGPL-2.1) and a hand-curated table of news usage (general knowledge); licence: LGPL-2.1"
  for h in Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Baroness Baron Rev Reverend Fr Sr Sen Rep Del Gov Gen Lt Col Maj Capt Sgt Cpl Adm Cmdr Insp Supt Det Hon Sheikh Rabbi Imam Pope Mme Mlle Messrs Herr Frau Monsieur Madame Senor Senora Signor; do
    printf '%s\thonorific\n' "$h"
  done
  for o in President "Vice President" "Prime Minister" "Deputy Prime Minister" Minister "Foreign Minister" "Defence Minister" "Defense Minister" "Finance Minister" "Interior Minister" "Health Minister" \
      Secretary "Foreign Secretary" "Home Secretary" "Defence Secretary" "Defense Secretary" "Health Secretary" "Business Secretary" "Culture Secretary" "Education Secretary" \
      "Secretary of State" "Secretary-General" "Secretary General" "Press Secretary" "Attorney General" "Attorney-General" Chancellor "Shadow Chancellor" "Shadow Foreign Secretary" \
      Senator Congressman Congresswoman Representative Governor "Lieutenant Governor" Mayor Speaker Ambassador Judge Justice "Chief Justice" King Queen Prince Princess Duke Duchess \
      Emir Sultan Ayatollah Archbishop Bishop Cardinal Pastor Father Sister Brother General Admiral Colonel Major Captain Lieutenant Sergeant Commander Commissioner Inspector \
      Superintendent Detective Constable Sheriff Chairman Chairwoman Chair "Chief Executive" CEO Director Professor Doctor Coach Manager Striker Premier Chief Leader \
      "Opposition Leader" MP MEP Councillor Alderman Deputy Treasurer Comptroller Chief Marshal Field Marshal Envoy Delegate; do
    printf '%s\toffice\n' "$o"
  done
  { lgwords "$lg"/words.n.t | grep -E '^[a-z][a-z-]+$'
    printf '%s\n' counterpart member spokesperson spokeswoman spokesman aide adviser advisor analyst candidate nominee activist author campaigner commentator columnist \
      official politician lawmaker legislator economist scientist professor researcher striker midfielder defender goalkeeper captain coach manager singer actor \
      actress musician rapper comedian director producer writer novelist poet journalist reporter editor founder chairman chief executive banker investor \
      businessman businesswoman entrepreneur mp minister secretary senator governor mayor president leader premier chancellor ambassador envoy negotiator \
      prosecutor judge lawyer attorney barrister solicitor sergeant officer colonel general commander veteran survivor victim witness resident wife husband \
      son daughter mother father brother sister widow friend colleague rival opponent challenger incumbent
  } | sort -u | awk '{ printf "%s\trole\n", $0 }'
} >"$out/names-titles.tsv"

# --- organisation words: a capitalised sequence holding one of these is not a person --
{
  echo "# organisation and non-person head words (a capitalised sequence holding one is not a person); source: hand-curated table of news usage (general knowledge); licence: public domain"
  printf '%s\n' Ministry Department Office Party Council Bank Times Post News Corp Corporation Inc Ltd Limited LLC PLC Plc Co Company Group Holdings \
    University College School Academy Institute Institution Foundation Trust Fund Association Union League Federation Committee Commission Agency \
    Authority Board Bureau Service Services Force Forces Army Navy Police Court Parliament Congress Senate Assembly House Government Administration \
    Organisation Organization Club United City Airlines Airways Motors Industries Systems Technologies Network Networks Press Journal Herald Tribune \
    Telegraph Guardian Gazette Review Magazine Radio Television TV Channel Centre Center Hospital Church Mosque Synagogue Cathedral Museum Gallery \
    Street Road Avenue Square Bridge River Sea Ocean Island Islands Mountain Mountains Valley Strip Bay Gulf Lake Airport Station Stadium Hotel \
    Cup Championship Championships Games Olympics Open Festival Awards Prize Act Treaty Accord Agreement Summit Conference Exchange Index Market \
    Markets Securities Capital Partners Brothers Energy Oil Petroleum Gas Electric Pharmaceuticals Alliance Coalition Movement Front Brigade Brigades \
    Campaign Council Cabinet Mission Embassy Consulate Province Region District County State States Republic Kingdom Empire Islamic Democratic \
    Socialist Communist Labour Labor Conservative Liberal Republican Democrat Democrats Republicans Tories Reuters AP AFP BBC CNN UN NATO EU \
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December \
    Day Week Year Christmas Easter Ramadan God Allah Internet Twitter Facebook Google Instagram TikTok YouTube Telegram Cross Crescent Hezbollah \
    Hamas Taliban Fatah War Army Tory Lib Dems Dem GOP Muslim Muslims Jewish Catholic Catholics Hindu Sikh Buddhist \
    Protestant Hall Paper International Associates Financial Finance Insurance Investments Resources Ventures Enterprises
} | awk 'NR == 1 || !seen[$0]++' >"$out/names-orgwords.tsv"

wc -lc "$out"/names-*.tsv
