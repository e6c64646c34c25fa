#!/usr/bin/env bash
# One brief, reproducible fuzzing run (CTest's fuzz.NAME tests; docs/testing.md):
#   run.sh HARNESS CORPUS_DIR WORK_DIR SECONDS [libFuzzer options...]
# The committed corpus is copied to WORK_DIR/corpus, so what the run discovers stays
# out of the source tree; a crash, leak or sanitizer report is saved as
# WORK_DIR/crash-* (or leak-*, timeout-*, oom-*) and fails the run.
set -euo pipefail
harness=$1 corpus=$2 work=$3 seconds=$4
shift 4
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$corpus"/* "$work/corpus/"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")/.." && pwd)/lsan.supp:print_suppressions=0}
# A dictionary of the input's syntax, when there is one (tests/fuzz/NAME.dict).
dict=$(dirname "$corpus")/../$(basename "$corpus").dict
opts=()
[ -f "$dict" ] && opts+=(-dict="$dict")
status=0
"$harness" "$work/corpus" "${opts[@]}" -seed=1 -max_total_time="$seconds" -max_len=8192 -timeout=25 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$work/" "$@" >"$work/log" 2>&1 || status=$?
# The outcome: libFuzzer's summary, and everything a sanitizer or a check reported.
grep -vE '^#[0-9]+|NEW_FUNC|^(INFO|MERGE-OUTER|MERGE-INNER):|Uses: [0-9]+$|dictionary\. #' "$work/log" | tail -n 60
if [ "$status" != 0 ] || compgen -G "$work/crash-*" >/dev/null || compgen -G "$work/leak-*" >/dev/null ||
   compgen -G "$work/timeout-*" >/dev/null || compgen -G "$work/oom-*" >/dev/null; then
  echo "FAIL: $(basename "$harness") exited $status; artifacts:" $(ls "$work" | grep -E '^(crash|leak|timeout|oom)-' || true)
  echo "reproduce: $harness ARTIFACT   (the full log is $work/log)"
  exit 1
fi
