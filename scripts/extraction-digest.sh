#!/usr/bin/env bash
# The check of issue 15: extraction output and database contents, as digests, so that
# a refactoring can show it changes nothing (or only what a commit names).
#
#   scripts/extraction-digest.sh [--bin DIR] [--keep DIR] CORPUS[=YYYY-MM-DD]...
#
# For each CORPUS (a file, a directory, or several paths joined by ':' such as
# ../shared/corpora/reuters21578/reut2-000.sgm:../shared/corpora/reuters21578/reut2-001.sgm)
# it prints two digests:
#   dry-run  of `newsfacet-index --dry-run --format json CORPUS` (every article's
#            people, speakers, quotes, places and dates with spans and rules)
#   database of the database that `newsfacet-index` writes from CORPUS, as
#            `newsfacet-bench digest` reads it: per document its data, every term
#            with wdf and positions, every value (not the raw glass files, whose
#            bytes vary from run to run)
# `=YYYY-MM-DD` passes --published (for corpora without dates, so that relative
# dates are resolved too). --bin DIR takes the binaries from DIR (default build/bin);
# --keep DIR leaves the dry-run JSON there (N.json for the Nth corpus), to diff when
# a digest changes. Paths are stored as given: compare two builds from the same
# directory with the same arguments. The digests are recorded in the notes of the
# change they check, not in the repository: they depend on ../shared.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$root/build/bin
keep=
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$(cd "$2" && pwd); shift 2 ;;
    --keep) keep=$2; mkdir -p "$keep"; shift 2 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--bin DIR] [--keep DIR] CORPUS[=YYYY-MM-DD]..." >&2; exit 2; }
for b in newsfacet-index newsfacet-bench; do
  [ -x "$bin/$b" ] || { echo "$0: no $bin/$b (build first, or --bin DIR)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
for arg in "$@"; do
  n=$((n + 1))
  corpus=$arg published=()
  if [[ $arg =~ ^(.*)=([0-9]{4}-[0-9]{2}-[0-9]{2})$ ]]; then
    corpus=${BASH_REMATCH[1]}
    published=(--published "${BASH_REMATCH[2]}")
  fi
  IFS=: read -r -a paths <<<"$corpus"
  out=$work/$n
  # Status 3 (some inputs skipped, e.g. a file that is not UTF-8) is part of the result.
  st=0
  "$bin/newsfacet-index" --dry-run --format json "${published[@]}" "${paths[@]}" >"$out.json" 2>"$out.dry.err" || st=$?
  [ $st -eq 0 ] || [ $st -eq 3 ] || { cat "$out.dry.err" >&2; exit 1; }
  st=0
  "$bin/newsfacet-index" -q --db "$out.db" "${published[@]}" "${paths[@]}" >/dev/null 2>"$out.idx.err" || st=$?
  [ $st -eq 0 ] || [ $st -eq 3 ] || { cat "$out.idx.err" >&2; exit 1; }
  "$bin/newsfacet-bench" digest "$out.db" >"$out.digest"
  label=${paths[0]}
  [ ${#paths[@]} -eq 1 ] || label="$label (+$(( ${#paths[@]} - 1 )) more)"
  printf '%s%s\n' "$label" "${published[1]:+ published ${published[1]}}"
  printf '  dry-run   %s  %s articles\n' "$(sha256sum <"$out.json" | cut -c1-16)" "$(wc -l <"$out.json")"
  printf '  database  %s\n' "$(cat "$out.digest")"
  [ -z "$keep" ] || cp "$out.json" "$keep/$n.json"
done
