#!/usr/bin/env bash
# build-gazetteer.sh: regenerates data/gazetteer.tsv and data/places-demonyms.tsv
# from Debian packages (see docs/places.md for the format and the choices).
#
# Sources (all installed as Debian packages; nothing is downloaded):
#   iso-codes      /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json  (LGPL-2.1+)
#   tzdata         /usr/share/zoneinfo/iso3166.tab, zone1970.tab/zone.tab     (public domain)
#   libicu72       CLDR English region names via ICU (Unicode licence)
#   libgeonames0   GeoNames city table (data CC-BY-4.0; the GPL-3 library is only
#                  linked into the throw-away helper scripts/dump-geonames.c)
#   libgeonames-common  the cities' names in other languages (geonames.mo catalogues,
#                  keyed by GeoNames id): native spellings ("München", "Genève")
#   ruby-countries nationality adjectives (MIT)
#   wordnet-base   common-word flags and pertainym demonyms (WordNet 3.0 licence)
# plus the small curated news-usage tables below (general knowledge).
#
# Usage: scripts/build-gazetteer.sh [MIN_POPULATION]   (default 100000)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
min_pop=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O1 -o "$work/dump-geonames" "$here/dump-geonames.c" $(pkg-config --cflags --libs geonames)
c++ -O1 -std=c++17 -o "$work/dump-cldr-regions" "$here/dump-cldr-regions.cc" $(pkg-config --cflags --libs icu-uc icu-i18n)
"$work/dump-geonames" >"$work/cities.tsv"
"$work/dump-cldr-regions" >"$work/cldr.tsv"

ruby_countries=$(dpkg -L ruby-countries | grep '/cache/countries.json$' | head -n1)

# Canonical-name overrides: the common English name where CLDR's display name is a
# disambiguated or formal form ("Congo - Kinshasa", "Palestinian Territories").
cat >"$work/overrides.tsv" <<'EOF'
BA	Bosnia and Herzegovina
CD	Democratic Republic of the Congo
CG	Republic of the Congo
CI	Ivory Coast
CZ	Czech Republic
HK	Hong Kong
MM	Myanmar
MO	Macau
PS	Palestine
TL	East Timor
VA	Vatican City
EOF

# Curated news aliases: surface -> canonical name of an existing entry.
cat >"$work/aliases.tsv" <<'EOF'
U.S.	United States
U.S	United States
U.S.A.	United States
US	United States
USA	United States
America	United States
United States of America	United States
U.K.	United Kingdom
U.K	United Kingdom
UK	United Kingdom
Britain	United Kingdom
Great Britain	United Kingdom
Holland	Netherlands
The Netherlands	Netherlands
Burma	Myanmar
UAE	United Arab Emirates
U.A.E.	United Arab Emirates
DPRK	North Korea
Korea	South Korea
Republic of Korea	South Korea
DRC	Democratic Republic of the Congo
DR Congo	Democratic Republic of the Congo
Congo	Democratic Republic of the Congo
Macedonia	North Macedonia
Vatican	Vatican City
State of Palestine	Palestine
Kiev	Kyiv
Bombay	Mumbai
Calcutta	Kolkata
Madras	Chennai
Peking	Beijing
Rangoon	Yangon
Saigon	Ho Chi Minh City
Washington	Washington D.C.
Washington DC	Washington D.C.
Washington, D.C.	Washington D.C.
New York City	New York
Frankfurt	Frankfurt am Main
Newcastle	Newcastle upon Tyne
Gulf	Persian Gulf
Golan	Golan Heights
EOF

# AP-style US state abbreviations. Many are also words or titles ("Miss.", "Mass."),
# so the matcher accepts them only after "City, " (rule alias:ap-state).
cat >"$work/ap-states.tsv" <<'EOF'
Ala.	Alabama
Ariz.	Arizona
Ark.	Arkansas
Calif.	California
Colo.	Colorado
Conn.	Connecticut
Del.	Delaware
Fla.	Florida
Ga.	Georgia
Ill.	Illinois
Ind.	Indiana
Kan.	Kansas
Ky.	Kentucky
La.	Louisiana
Md.	Maryland
Mass.	Massachusetts
Mich.	Michigan
Minn.	Minnesota
Miss.	Mississippi
Mo.	Missouri
Mont.	Montana
Neb.	Nebraska
Nev.	Nevada
N.H.	New Hampshire
N.J.	New Jersey
N.M.	New Mexico
N.Y.	New York
N.C.	North Carolina
N.D.	North Dakota
Okla.	Oklahoma
Ore.	Oregon
Pa.	Pennsylvania
R.I.	Rhode Island
S.C.	South Carolina
S.D.	South Dakota
Tenn.	Tennessee
Tex.	Texas
Vt.	Vermont
Va.	Virginia
Wash.	Washington
W.Va.	West Virginia
Wis.	Wisconsin
Wyo.	Wyoming
EOF

# Historical countries that news archives (Reuters 1987) still name, with the ISO code
# of the successor whose UN M49 regions they roll up to.
cat >"$work/historical.tsv" <<'EOF'
Soviet Union	Soviet Union|USSR|U.S.S.R.	RU
West Germany	West Germany	DE
East Germany	East Germany	DE
Yugoslavia	Yugoslavia	RS
Czechoslovakia	Czechoslovakia	CZ
Zaire	Zaire	CD
EOF

# First-level regions whose name alone is read as another place users mean more often:
# the canonical name the region gets instead (its own name stays a surface).
# (country code, first-level region, canonical name)
cat >"$work/admin1-renames.tsv" <<'EOF'
US	Washington	Washington State
EOF


# Regions news uses: name, ISO country code when inside one country (else empty),
# extra surface forms.
cat >"$work/regions.tsv" <<'EOF'
Middle East		Mideast
Near East	
Far East	
Gaza Strip	PS
West Bank	PS
Golan Heights	
Sinai	EG	Sinai Peninsula
Arabian Peninsula	
Persian Gulf	
Gulf of Mexico	
Strait of Hormuz	
Taiwan Strait	
Red Sea	
Black Sea	
Caspian Sea	
Baltic Sea	
North Sea	
South China Sea	
East China Sea	
Mediterranean		Mediterranean Sea
Atlantic		Atlantic Ocean
Pacific		Pacific Ocean
Indian Ocean	
Arctic	
English Channel	
Suez Canal	EG
Panama Canal	PA
Levant	
Maghreb	
North Africa	
West Africa	
East Africa	
Horn of Africa	
Sahel	
Balkans	
Baltics		Baltic states
Scandinavia	
Caucasus	
North Caucasus	RU
Central Europe	
Eurasia	
Asia-Pacific		Asia Pacific
South Asia	
East Asia	
Korean Peninsula	
New England	US
Midwest	US
Kashmir	
Crimea	
Donbas		Donbass
Kurdistan	
Tibet	CN
Xinjiang	CN
Siberia	RU
Chechnya	RU
Darfur	SD
Transnistria	MD
Abkhazia	
South Ossetia	
Nagorno-Karabakh	
Himalayas	
Alps	
Sicily	IT
Sardinia	IT
Corsica	FR
Crete	GR
Bali	ID
Borneo	
Catalonia	ES
Basque Country	ES
Bavaria	DE
Flanders	BE
Wallonia	BE
EOF

python3 - "$work" "$root" "$min_pop" "$ruby_countries" <<'PY'
import collections, gettext, json, re, sys, unicodedata

work, root, min_pop, ruby_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def fold(s):
    """ASCII-folded spelling ('São Paulo' -> 'Sao Paulo'), or None when already ASCII."""
    t = unicodedata.normalize('NFKD', s.replace('’', "'"))
    t = ''.join(c for c in t if not unicodedata.combining(c))
    return t if t != s and all(ord(c) < 128 for c in t) else None

def fkey(s):  # as fold_key in common/text.cc: accents off, dotless i, hyphens as spaces, any case
    t = unicodedata.normalize('NFKD', s.replace('’', "'"))
    t = ''.join(c for c in t if not unicodedata.combining(c)).replace('ı', 'i').replace('-', ' ')
    return ' '.join(t.lower().split())

def tidy(name):
    return name.replace(' & ', ' and ').replace('St. ', 'Saint ').strip()

# --- WordNet: common words ----------------------------------------------------------------
# A surface is a common word when its lower-case senses are used in WordNet's tagged
# corpus (cntlist.rev) at least twice: "reading", "nice", "split", "bath", "mobile",
# "buffalo". Merely having a lower-case sense is not enough ("berlin" is a carriage,
# "phoenix" a bird, never tagged).
data_words = {}
for pos, ch in (('noun', 'n'), ('verb', 'v'), ('adj', 'a'), ('adv', 'r')):
    for line in open(f'/usr/share/wordnet/data.{pos}', encoding='latin-1'):
        if line.startswith('  '):
            continue
        f = line.split(' ')
        data_words[(f[0], ch)] = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]) for i in range(int(f[3], 16))]
sense_offsets = {}
for pos, ch in (('noun', 'n'), ('verb', 'v'), ('adj', 'a'), ('adv', 'r')):
    for line in open(f'/usr/share/wordnet/index.{pos}', encoding='latin-1'):
        if line.startswith('  '):
            continue
        f = line.split()
        sense_offsets[(f[0], ch)] = f[-int(f[2]):]
tagged = collections.Counter()
for line in open('/usr/share/wordnet/cntlist.rev', encoding='latin-1'):
    key, sense, count = line.split()
    lemma, rest = key.split('%', 1)
    ch = {'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}.get(rest[:1])
    offsets = sense_offsets.get((lemma, ch))
    if not offsets or int(sense) > len(offsets):
        continue
    words = data_words.get((offsets[int(sense) - 1], ch), [])
    if any(w.lower() == lemma and w.islower() for w in words):
        tagged[lemma] += int(count)
common = {w.replace('_', ' ') for w, c in tagged.items() if c >= 2}
# Function words are not in WordNet but are the worst false friends ("Of", Turkey).
common |= set('a an and as at be but by for from he her his if in is it its me my no nor not of off on or our out '
              'she so than that the their them then there these they this to up us was we were what when who why '
              'will with you'.split())

# --- Countries ------------------------------------------------------------------------
cldr = collections.defaultdict(dict)
parents = collections.defaultdict(list)  # CLDR territory containment: code -> containing codes
for line in open(f'{work}/cldr.tsv', encoding='utf-8'):
    table, code, name = line.rstrip('\n').split('\t')
    if table == 'contains':
        parents[name].append(code)
    else:
        cldr[table][code] = name
overrides = dict(l.rstrip('\n').split('\t') for l in open(f'{work}/overrides.tsv', encoding='utf-8'))
iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8'))['3166-1']

rows = []  # (surface, name, level, country, admin1, population, rule)
country_name = {}  # alpha-2 -> canonical
for c in iso:
    code = c['alpha_2']
    base = cldr['Countries'].get(code) or c.get('common_name') or c['name']
    canon = overrides.get(code) or tidy(re.sub(r'\s*\(.*\)$', '', base))
    country_name[code] = canon
country_name['XK'] = 'Kosovo'
for code, canon in country_name.items():
    level = 'region' if code == 'AQ' else 'country'
    ctry = '' if level == 'region' else canon
    rows.append((canon, canon, level, ctry, '', 0, 'gazetteer:' + level))
    forms = set()
    for table, rule in (('Countries', 'alias:cldr'), ('Countries%short', 'alias:cldr-short'),
                        ('Countries%variant', 'alias:cldr-variant')):
        n = cldr[table].get(code)
        if not n or ' - ' in n:
            continue
        # Parenthesised forms ("Congo (DRC)", "Myanmar (Burma)") are disambiguators
        # shared by several countries; the curated table covers the useful ones.
        if '(' in n:
            continue
        for x in [n]:
            if ',' not in x and ' - ' not in x:
                forms.add((x, rule))
                forms.add((tidy(x), rule))
    c = next((x for x in iso if x['alpha_2'] == code), {})
    for key in ('name', 'common_name', 'official_name'):
        n = c.get(key)
        if n and ',' not in n and '(' not in n:
            forms.add((n, 'alias:iso-codes'))
    for x, rule in sorted(forms):  # sorted: the output must not depend on set order
        if x != canon and x and x[0].isupper():
            rows.append((x, canon, level, ctry, '', 0, rule))

for line in open('/usr/share/zoneinfo/iso3166.tab', encoding='utf-8'):
    if line.startswith('#'):
        continue
    code, n = line.rstrip('\n').split('\t')
    n = n.replace(' & ', ' and ')
    if code in country_name and '(' not in n and n != country_name[code]:
        rows.append((n, country_name[code], 'country', country_name[code], '', 0, 'alias:tzdata'))

# CLDR's numeric regions: continents and sub-continents ("Europe", "Southeast Asia").
# "World", "Americas", "Northern America", "Outlying Oceania" and "Micronesian Region"
# are left out: news does not write them as names.
region_names = {code: n for code, n in cldr['Countries'].items()
                if code.isdigit() and n not in ('world', 'World', 'Americas', 'Northern America', 'Outlying Oceania',
                                                'Micronesian Region')}
for code, n in region_names.items():
    rows.append((n, n, 'region', '', '', 0, 'region:cldr'))

# The continent of a country or a region, from the UN M49 tree (CLDR territory
# containment): the region right under World, with the Americas split as English
# writes them, North America (Northern and Central America, the Caribbean) and South
# America. One continent per country, as the UN assigns it: Russia is Europe; Turkey,
# Georgia, Armenia, Cyprus are Asia; Egypt is Africa. A sub-region has its continent
# (Southeast Asia -> Asia, Caribbean -> North America), a grouping its members' when
# they share one (Sub-Saharan Africa -> Africa; Latin America has none); Antarctica
# none. Only the
# continent: the sub-regions (Western Europe, Western Asia ...) would fill the place
# facet (17 of BBC's top 30 values). Written into the `within` column.
tree, todo = {'001'}, ['001']
children = collections.defaultdict(list)
for child, ps in parents.items():
    for p_ in ps:
        children[p_].append(child)
while todo:
    for c in children[todo.pop()]:
        if c not in tree:
            tree.add(c)
            todo.append(c)
tree_parent = {c: next(p_ for p_ in ps if p_ in tree) for c, ps in parents.items() if any(p_ in tree for p_ in ps)}
def continent(code):
    path = [code]
    while tree_parent.get(path[-1], '001') != '001':
        path.append(tree_parent[path[-1]])
    if path[-1] not in tree:  # a grouping: its members' continent, if they share one
        found = {continent(c) for c in children[code]}
        return found.pop() if len(found) == 1 else None
    if 'QO' in path:  # Outlying Oceania: Antarctica and remote islands, no continent of theirs
        return None
    if path[-1] == '019':
        return '005' if '005' in path else '003' if {'021', '013', '029'} & set(path) else None
    return path[-1]
def regions_containing(code):
    c = continent(code)
    return [region_names[c]] if c and c != code and c in region_names else []
within = {}  # canonical name -> regions containing it
for code, canon in country_name.items():
    within[canon] = regions_containing(code)
for code, n in region_names.items():
    within[n] = regions_containing(code)

for line in open(f'{work}/historical.tsv', encoding='utf-8'):
    canon, forms, successor = line.rstrip('\n').split('\t')
    within[canon] = regions_containing(successor)
    for f in forms.split('|'):
        rows.append((f, canon, 'country', canon, '', 0, 'gazetteer:historical'))

for line in open(f'{work}/regions.tsv', encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    name, code, extra = f[0], (f[1] if len(f) > 1 else ''), f[2:]
    ctry = country_name.get(code, '')
    rows.append((name, name, 'region', ctry, '', 0, 'region'))
    for e in extra:
        for x in e.split('|'):
            if x:
                rows.append((x, name, 'region', ctry, '', 0, 'region'))

# --- First-level regions (states, provinces, UK nations) with English ISO names -------
iso2 = json.load(open('/usr/share/iso-codes/json/iso_3166-2.json', encoding='utf-8'))['3166-2']
admin1_types = {'US': {'State', 'District'}, 'CA': {'Province', 'Territory'}, 'AU': {'State', 'Territory'},
                'IN': {'State', 'Union territory'}, 'GB': {'Country', 'Province'}}
nations = set()  # the UK's constituent countries: first-level regions that field national teams
for s in iso2:
    cc = s['code'][:2]
    if s['type'] in admin1_types.get(cc, ()):
        n = re.sub(r'\s*\[.*\]$', '', s['name'])
        rows.append((n, n, 'admin1', country_name[cc], '', 0, 'gazetteer:admin1'))
        if cc == 'GB':
            nations.add(n)

# --- Cities: GeoNames, population >= min_pop, plus tzdata zone cities (capitals etc.) --
tz_cities = set()
for fn in ('zone.tab', 'zone1970.tab'):
    try:
        for line in open(f'/usr/share/zoneinfo/{fn}', encoding='utf-8'):
            if line.startswith('#'):
                continue
            f = line.split('\t')
            city = f[2].strip().split('/')[-1].replace('_', ' ')
            for code in f[0].split(','):
                tz_cities.add((city, code))
    except FileNotFoundError:
        pass

def clean_state(s):
    s = re.sub(r'^(Free and Sovereign State of|Free State of|State of|Province of|Canton of|Region of|Estado de) ', '', s)
    return re.sub(r' (Region|Province|Prefecture|Governorate|District|Municipality|Voivodeship|Division)$', '', s)

cities = []
native_of = {}  # (name, country, admin1) -> (GeoNames id, ISO code)
for line in open(f'{work}/cities.tsv', encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    name, state, code, pop, geoid = f[0], f[1], f[3], int(f[4]), f[7]
    if code not in country_name:
        continue
    if pop >= min_pop or (name, code) in tz_cities or (fold(name), code) in tz_cities:
        admin1 = clean_state(state) if state else ''
        cities.append((name, country_name[code], admin1, pop))
        native_of.setdefault((name, country_name[code], admin1), (geoid, code))
# More first-level regions: GeoNames' English state names for countries without an
# English ISO 3166-2 list (Bavaria, Sichuan, Punjab, Michoacán), when their cities hold
# at least a million people. Names that are also a country, a city, a common word or a
# bare direction are left out; the matcher asks these for support like small cities.
state_pop = collections.Counter()
state_country = {}
for line in open(f'{work}/cities.tsv', encoding='utf-8'):
    name, state, _cname, code, pop = line.rstrip('\n').split('\t')[:5]
    if code in country_name and code not in admin1_types and state:
        st = clean_state(state)
        state_pop[(st, code)] += int(pop)
taken = {(fold(r[0]) or r[0]).lower() for r in rows} | {(fold(c[0]) or c[0]).lower() for c in cities}
bare = {'Central', 'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Capital',
        'North-West', 'North-East', 'South-West', 'South-East', 'Centre', 'Center', 'Coast', 'Islands', 'Ouest',
        'Nord', 'Sud', 'Est', 'Littoral'}
for (st, code), total in state_pop.items():
    if total < 1_000_000 or (fold(st) or st).lower() in taken or st in bare:
        continue
    # Capital districts ("Kyiv City", "Nairobi Area", "Bogota D.C.") are their city;
    # adjectives ("Silesian", "Walloon") and generic words are not names.
    if re.search(r'[\d()]| (City|Area|Capital|Special Capital|D\.C\.|F\.D\.)$|^(Distrito|National|Nacional|Flemish|Walloon)|ian$', st):
        continue
    if len(st.split()) > 3 or st.lower() in common or (fold(st) or st).lower() in common:
        continue
    rows.append((st, st, 'admin1', country_name[code], '', 0, 'gazetteer:admin1-geonames'))

# A city's first-level region is spelled as that region's own row spells it, so a city
# and the region it rolls up to give one facet value, not two that one filter selects
# (GeoNames' "Tamil Nadu" under Chennai vs ISO 3166-2's "Tamil Nādu").
admin1_name = {(r[3], (fold(r[1]) or r[1]).lower()): r[1] for r in rows if r[2] == 'admin1' and r[0] == r[1]}
native_of = {(n, c, admin1_name.get((c, (fold(a) or a).lower()), a) if a else a): v for (n, c, a), v in native_of.items()}
cities = [(n, c, admin1_name.get((c, (fold(a) or a).lower()), a) if a else a, p) for n, c, a, p in cities]

# Native spellings: the city's name in each official language of its country
# (ruby-countries), from libgeonames-common's catalogues keyed by GeoNames id: "München"
# (de), "Genève" (fr), "Zürich" (de), "Zurigo" (it). Latin script only; never a word
# WordNet calls common, a WordNet noun none of whose senses is a place ("Duma" the
# parliament, "Tyr" the god, "Metro"), nor a given name or surname of the name lists
# (data/names-*.tsv: "Roma", "Vanda"). Their ASCII folds ("Munchen", "Geneve") come
# with the other folded spellings below.
noun_lexfile = {}
for line in open('/usr/share/wordnet/data.noun', encoding='latin-1'):
    if not line.startswith('  '):
        noun_lexfile[line[:8]] = line[9:11]
not_a_place = set()
for line in open('/usr/share/wordnet/index.noun', encoding='latin-1'):
    if line.startswith('  '):
        continue
    f = line.split()
    if all(noun_lexfile.get(o) != '15' for o in f[-int(f[2]):]):  # 15: noun.location
        not_a_place.add(f[0].replace('_', ' '))
for fn in ('names-given.tsv', 'names-surnames.tsv'):
    for line in open(f'{root}/data/{fn}', encoding='utf-8'):
        if not line.startswith('#'):
            not_a_place.add(line.split('\t')[0].strip().lower())
official_languages = {code: [l for l in (c.get('languages_official') or []) if l != 'en']
                      for code, c in json.load(open(ruby_path, encoding='utf-8')).items()}
catalogues = {}
def catalogue(lang):
    if lang not in catalogues:
        try:
            with open(f'/usr/share/locale/{lang}/LC_MESSAGES/geonames.mo', 'rb') as mo:
                catalogues[lang] = gettext.GNUTranslations(mo)._catalog
        except FileNotFoundError:
            catalogues[lang] = {}
    return catalogues[lang]
def latin_name(s):
    return s[:1].isupper() and all(c in " -'.’" or (c.isalpha() and 'LATIN' in unicodedata.name(c, '')) for c in s)
def native_spellings(name, ctry, admin1):
    geoid, code = native_of.get((name, ctry, admin1), (None, None))
    out = []
    for lang in official_languages.get(code, []) if geoid else []:
        n = catalogue(lang).get(geoid)
        if (n and n != name and latin_name(n) and not {n.lower(), (fold(n) or n).lower()} & (common | not_a_place)
                and n not in out):
            out.append(n)
    return out
native_rows = []

seen = set()
for name, ctry, admin1, pop in sorted(cities, key=lambda c: -c[3]):
    if (name, ctry, admin1) in seen:
        continue
    seen.add((name, ctry, admin1))
    rows.append((name, name, 'city', ctry, admin1, pop, 'gazetteer:city'))
    native_rows.extend((n, name, 'city', ctry, admin1, pop, 'alias:geonames-native')
                       for n in native_spellings(name, ctry, admin1))
    if name.startswith('Saint '):
        for p in ('St ', 'St. '):
            rows.append((p + name[6:], name, 'city', ctry, admin1, pop, 'gazetteer:city'))

# A native spelling that is already the name or a spelling of another place would make
# one surface two places: such spellings are left out.
surface_places = collections.defaultdict(set)
for r in rows:
    surface_places[fkey(r[0])].add(r[1])
for r in native_rows:
    if surface_places.get(fkey(r[0]), {r[1]}) == {r[1]}:
        rows.append(r)

# --- Curated aliases: copy the target entry --------------------------------------------
by_name = collections.defaultdict(list)
for r in rows:
    if r[0] == r[1]:
        by_name[r[1]].append(r)
for line in open(f'{work}/aliases.tsv', encoding='utf-8'):
    surface, target = line.rstrip('\n').split('\t')
    t = sorted(by_name.get(target, []), key=lambda r: ({'country': 0, 'city': 1}.get(r[2], 2), -r[5]))
    if not t:
        sys.exit(f'build-gazetteer: alias target not found: {target}')
    r = t[0]
    rows.append((surface, r[1], r[2], r[3], r[4], r[5], 'alias:curated'))

for line in open(f'{work}/ap-states.tsv', encoding='utf-8'):
    surface, target = line.rstrip('\n').split('\t')
    r = next(r for r in by_name[target] if r[2] == 'admin1' and r[3] == 'United States')
    rows.append((surface, r[1], r[2], r[3], r[4], r[5], 'alias:ap-state'))

# ASCII-folded spellings of every surface ("Sao Paulo", "Cote d'Ivoire").
for r in list(rows):
    f = fold(r[0])
    if f:
        rows.append((f,) + r[1:6] + (r[6] if r[6].startswith('alias') else r[6] + '+ascii',))
    if '’' in r[0]:
        rows.append((r[0].replace('’', "'"),) + r[1:])

# One spelling per place name. Place terms are folded, so two canonical spellings that
# fold alike ("Québec" the city and "Quebec" the province, "San José" and "San Jose",
# GeoNames' province "Panamá" under its cities and the country "Panama") would be two
# facet values that one filter selects. Each folded name keeps one spelling: a country's,
# then a region's, then a first-level region's, then the most populous city's.
rank = {'country': 0, 'region': 1, 'admin1': 2, 'city': 3}
best = {}
for cand in [(r[1], rank[r[2]], r[5]) for r in rows if r[0] == r[1]] + [(r[4], 2, 0) for r in rows if r[4]]:
    k, order = fkey(cand[0]), (cand[1], -cand[2], cand[0].encode())
    if k not in best or order < best[k][0]:
        best[k] = (order, cand[0])
# A place that is not a country but spells a country's name, in another country (the
# US state of Georgia), gets its country in its canonical name, "Georgia (United
# States)": place:Georgia is the country, and the facet shows the two apart. The curated
# renames do the same where the other reading is a city ("Washington State").
renames = {}
for line in open(f'{work}/admin1-renames.tsv', encoding='utf-8'):
    code, old, new = line.rstrip('\n').split('\t')
    renames[(country_name[code], old)] = new
def canonical(name, level, ctry):
    k = fkey(name)
    if k not in best:
        return name
    (r, _, _), spelling = best[k]
    if level == 'admin1' and (ctry, spelling) in renames:
        return renames[(ctry, spelling)]
    if r == 0 and level != 'country' and ctry and ctry != spelling:
        return f'{spelling} ({ctry})'
    return spelling
rows = [(r[0], canonical(r[1], r[2], r[3]), r[2], r[3], canonical(r[4], 'admin1', r[3]) if r[4] else '', r[5], r[6])
        for r in rows]
# A renamed place's canonical name is a surface too, so that place:"Georgia (United
# States)" and place:"Washington State" resolve.
rows += [(r[1],) + r[1:] for r in rows if r[2] == 'admin1' and r[0] != r[1] and not r[6].startswith('alias')
         and fkey(r[0]) != fkey(r[1])]

# --- Write ---------------------------------------------------------------------------------
uniq = {}
for r in rows:
    key = (r[0], r[1], r[2], r[3], r[4])
    if key not in uniq:
        uniq[key] = r
# The same order as gazetteer_prefers() in common/gazetteer.cc, so loading needs no sort.
out = sorted(uniq.values(), key=lambda r: (r[0].encode(), {'country': 0, 'region': 1, 'city': 2, 'admin1': 3}[r[2]],
                                          -r[5], r[6] != 'alias:curated', r[1].encode()))
with open(f'{root}/data/gazetteer.tsv', 'w', encoding='utf-8') as f:
    f.write('# source: iso-codes 3166-1/3166-2 (LGPL-2.1+), tzdata iso3166.tab/zone.tab (public domain), '
            'ICU/CLDR English region names (Unicode licence), GeoNames cities via libgeonames data '
            '(CC-BY-4.0, geonames.org), WordNet 3.0 common-word flags (WordNet licence), curated news aliases; '
            'licence: as the sources; generated by scripts/build-gazetteer.sh\n')
    f.write('# surface\tname\tlevel\tcountry\tadmin1\tpopulation\trule\tflags (w = also a common English word, n = nation)'
            '\twithin (countries and regions: the UN M49 regions that contain it, nearest first, | between)\n')
    for s, name, level, ctry, admin1, pop, rule in out:
        if '\t' in s or '\n' in s:
            continue
        flags = 'w' if (s.lower() in common and s != s.upper()) else ''
        if level == 'admin1' and name in nations:
            flags += 'n'
        regions = '|'.join(within.get(name, [])) if level in ('country', 'region') else ''
        f.write(f'{s}\t{name}\t{level}\t{ctry}\t{admin1}\t{pop}\t{rule}\t{flags}' + (f'\t{regions}' if regions else '') + '\n')

# --- Demonyms: a separate, weaker signal (never indexed as places) -------------------------
dem = {}
ruby = json.load(open(ruby_path, encoding='utf-8'))
for code, c in ruby.items():
    n = c.get('nationality')
    if n and code in country_name and n[0].isupper():
        dem.setdefault(n, (country_name[code], 'ruby-countries'))
# WordNet pertainyms: adjective "Israeli" pertains to noun "Israel".
noun_words = {}
for line in open('/usr/share/wordnet/data.noun', encoding='latin-1'):
    if line.startswith('  '):
        continue
    f = line.split(' ')
    noun_words[f[0]] = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ') for i in range(int(f[3], 16))]
alias_to_country = {r[0]: r[1] for r in out if r[2] == 'country'}
for line in open('/usr/share/wordnet/data.adj', encoding='latin-1'):
    if line.startswith('  '):
        continue
    f = line.split(' ')
    nw = int(f[3], 16)
    words = [re.sub(r'\(.*\)$', '', f[4 + 2 * i]).replace('_', ' ') for i in range(nw)]
    p = 4 + 2 * nw
    for i in range(int(f[p])):
        sym, off, pos = f[p + 1 + 4 * i], f[p + 2 + 4 * i], f[p + 3 + 4 * i]
        if sym == '\\' and pos == 'n':
            for target in noun_words.get(off, []):
                if target in alias_to_country:
                    for w in words:
                        if w[:1].isupper() and ' ' not in w:
                            dem.setdefault(w, (alias_to_country[target], 'wordnet-pertainym'))
with open(f'{root}/data/places-demonyms.tsv', 'w', encoding='utf-8') as f:
    f.write('# source: ruby-countries nationality (MIT), WordNet 3.0 pertainyms (WordNet licence); '
            'licence: as the sources; generated by scripts/build-gazetteer.sh\n')
    f.write('# demonym\tcountry\tsource\n')
    for w in sorted(dem, key=lambda s: s.encode()):
        f.write(f'{w}\t{dem[w][0]}\t{dem[w][1]}\n')
print(f'gazetteer.tsv: {len(out)} rows; places-demonyms.tsv: {len(dem)} rows', file=sys.stderr)
PY
