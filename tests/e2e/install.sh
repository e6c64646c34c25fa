# cmake --install (issue 16): into a temporary prefix outside the source tree, then
# the installed programs index the seeds and answer a faceted query from a working
# directory elsewhere, with the source and build trees hidden when the system allows
# it (unshare); the man pages render; the installed bash completion works.
source "$(dirname "$0")/lib.bash"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$BIN/.." && pwd)
TMP=$(mktemp -d /tmp/newsfacet-install.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
PREFIX=$TMP/prefix

CHECKS=$((CHECKS + 1))
cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log" 2>&1 || fail "cmake --install failed: $(tail -5 "$WORK/install.log")"
for f in bin/newsfacet-index bin/newsfacet-query \
         share/bash-completion/completions/newsfacet-index share/bash-completion/completions/newsfacet-query; do
  CHECKS=$((CHECKS + 1))
  [ -f "$PREFIX/$f" ] || fail "not installed: $f"
done
for f in newsfacet-index newsfacet-query; do
  CHECKS=$((CHECKS + 1))
  [ -x "$PREFIX/bin/$f" ] || fail "$f is not executable"
done
# Developer tools stay in the build tree; no data directory (the data is linked in).
CHECKS=$((CHECKS + 1))
left=$(cd "$PREFIX" && find . -type f | grep -vE '^\./(bin/newsfacet-(index|query)|share/man/man1/newsfacet-(index|query)\.1|share/bash-completion/completions/newsfacet-(index|query))$')
[ -z "$left" ] || fail "installed files nobody needs: $left"
# help2man is a build dependency (scripts/lib/common.sh); where it is, the man pages are built and installed.
if command -v help2man >/dev/null 2>&1; then
  for f in newsfacet-index newsfacet-query; do
    CHECKS=$((CHECKS + 1))
    [ -f "$PREFIX/share/man/man1/$f.1" ] || fail "man page not installed: share/man/man1/$f.1"
  done
else
  echo "note: help2man is missing, man pages not checked" >&2
fi

# The installed programs on a copy of the seeds, from a working directory outside both
# trees. The script runs in a new mount namespace with empty directories over the
# source and build trees when unprivileged namespaces are allowed: nothing there can
# be read, as on a machine where the source was never unpacked.
mkdir -p "$TMP/corpus" "$TMP/cwd" "$TMP/empty"
cp "$SEEDS"/* "$TMP/corpus/"
n=$(ls "$SEEDS"/*.txt | wc -l)
cat >"$TMP/run.sh" <<'RUN'
set -u
PREFIX=$1 TMP=$2; shift 2
for hide in "$@"; do mount --bind "$TMP/empty" "$hide" || exit 97; done
cd "$TMP/cwd" || exit 98
export PATH="$PREFIX/bin:/usr/bin:/bin" NEWSFACET_DB="$TMP/db" NO_COLOR=1
newsfacet-index -q "$TMP/corpus" || exit 10
newsfacet-query --format json -n 100 --facet speaker,place,published:month '' >"$TMP/facets.json" || exit 11
newsfacet-query --fields >"$TMP/fields.txt" || exit 13
# the installed completion, by command name through PATH
source "$PREFIX/share/bash-completion/completions/newsfacet-query" || exit 14
COMP_WORDS=(newsfacet-query --sort ""); COMP_CWORD=2; _newsfacet
echo "${COMPREPLY[*]}" >"$TMP/comp.txt"
RUN
hidden=no
mkdir -p "$TMP/probe"
if unshare -rm mount --bind "$TMP/empty" "$TMP/probe" 2>/dev/null; then
  hide=("$SRC")
  case "$BUILD/" in "$SRC"/*) ;; *) hide+=("$BUILD") ;; esac
  unshare -rm bash "$TMP/run.sh" "$PREFIX" "$TMP" "${hide[@]}"
  rc=$?
  hidden=yes
else
  echo "note: no bind mount in a user namespace here; the source tree stays visible (the run is still from $TMP/cwd)" >&2
  bash "$TMP/run.sh" "$PREFIX" "$TMP"
  rc=$?
fi
echo "installed programs run with the source tree hidden: $hidden"
CHECKS=$((CHECKS + 1))
[ "$rc" = 0 ] || fail "the installed programs failed (step $rc; source tree hidden: $hidden)"
[ "$rc" = 97 ] && fail "could not hide the source tree in the namespace"

# The same answers as the programs of the build tree on the same database.
CHECKS=$((CHECKS + 1))
"$BIN/newsfacet-query" --db "$TMP/db" --format json -n 100 --facet speaker,place,published:month '' >"$WORK/facets-build.json"
grep -v '"elapsed_ms"' "$TMP/facets.json" >"$WORK/facets-installed.json"
grep -v '"elapsed_ms"' "$WORK/facets-build.json" >"$WORK/facets-built.json"
cmp -s "$WORK/facets-installed.json" "$WORK/facets-built.json" || fail "installed and built newsfacet-query differ: $(diff "$WORK/facets-installed.json" "$WORK/facets-built.json" | head -5)"
CHECKS=$((CHECKS + 1))
grep -q "\"total\": $n," "$TMP/facets.json" || fail "expected $n articles: $(head -c 300 "$TMP/facets.json")"
for f in speaker place published; do
  CHECKS=$((CHECKS + 1))
  grep -q "\"$f" "$TMP/facets.json" || fail "facet $f missing from the installed query's JSON"
done
CHECKS=$((CHECKS + 1))
[ "$(cat "$TMP/comp.txt" 2>/dev/null)" = "relevance date" ] || fail "installed completion: [$(cat "$TMP/comp.txt" 2>/dev/null)]"

# The man pages render with groff (groff-base: man-db's own formatter, on every
# Debian with man) without warnings, with the sections help2man and docs/man add, and
# every option of --help.
if command -v help2man >/dev/null 2>&1; then
  for prog in newsfacet-index newsfacet-query; do
    page="$PREFIX/share/man/man1/$prog.1"
    CHECKS=$((CHECKS + 1))
    groff -man -Tutf8 -ww -z "$page" 2>"$WORK/groff.err" && [ ! -s "$WORK/groff.err" ] || fail "groff warns on $prog.1: $(head -5 "$WORK/groff.err")"
    LC_ALL=C.UTF-8 MANWIDTH=100 groff -man -Tascii -P-c "$page" 2>/dev/null | col -b 2>/dev/null >"$WORK/$prog.txt" || groff -man -Tascii -P-cbou "$page" >"$WORK/$prog.txt"
    sections="NAME SYNOPSIS DESCRIPTION OPTIONS EXIT STATUS ENVIRONMENT FILES EXAMPLES SEE ALSO"
    [ "$prog" = newsfacet-query ] && sections+=" QUERY SYNTAX FACETS"
    [ "$prog" = newsfacet-index ] && sections+=" PROGRESS"
    for s in $sections; do
      CHECKS=$((CHECKS + 1))
      grep -q "^$s\|^[A-Z ]* $s" "$WORK/$prog.txt" || fail "$prog.1 has no section with $s"
    done
    for opt in $("$BIN/$prog" --help | grep -E '^  -' | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u); do
      CHECKS=$((CHECKS + 1))
      grep -qF -- "$opt" "$WORK/$prog.txt" || fail "$prog.1 does not mention $opt"
    done
    CHECKS=$((CHECKS + 1))
    version=$("$BIN/$prog" --version | head -1 | awk '{print $2}')
    grep -q "newsfacet $version" "$WORK/$prog.txt" || fail "$prog.1 does not name the version $version"
    if command -v man >/dev/null 2>&1; then
      CHECKS=$((CHECKS + 1))
      MANPAGER=cat MANWIDTH=80 man -M "$PREFIX/share/man" "$prog" 2>/dev/null | grep -q "EXIT STATUS" || fail "man -M PREFIX/share/man $prog does not show the page"
    fi
  done
  # What the docs say about exit statuses and the environment is in the pages too.
  for code in 0 1 2; do
    CHECKS=$((CHECKS + 1))
    sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$WORK/newsfacet-query.txt" | grep -qE "^ +$code( |$)" || fail "newsfacet-query.1 EXIT STATUS has no $code"
  done
  CHECKS=$((CHECKS + 1))
  sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$WORK/newsfacet-index.txt" | grep -qE "^ +3( |$)" || fail "newsfacet-index.1 EXIT STATUS has no 3"
  for var in $(grep -ohE '\b(NEWSFACET_(DB|ALLOW_PROG_REMOTE)|NO_COLOR)\b' "$SRC/docs/cli.md" | sort -u); do
    CHECKS=$((CHECKS + 1))
    sed -n '/^ENVIRONMENT/,/^[A-Z]/p' "$WORK/newsfacet-query.txt" | grep -q "$var" || fail "newsfacet-query.1 ENVIRONMENT lacks $var (docs/cli.md names it)"
  done
  for field in $(awk '/^FIELD /{f=1;next} f&&NF==0{exit} f&&/^[a-z]/&&$3!="internal"{print $1}' "$TMP/fields.txt"); do
    CHECKS=$((CHECKS + 1))
    sed -n '/^QUERY SYNTAX/,/^[A-Z]/p' "$WORK/newsfacet-query.txt" | grep -q "$field:" || fail "newsfacet-query.1 QUERY SYNTAX lacks the field $field:"
  done
fi

finish
