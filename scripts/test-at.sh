#!/usr/bin/env bash
# Runs tests with the whole process tree's clock moved to another instant (libfaketime), the
# DynamoDB Local JVM included: proof that a suite holds on awkward dates, not just today.
#
#   scripts/test-at.sh 2026-12-31T23:30+03:00                 # unit and integration projects
#   scripts/test-at.sh 2027-04-29T22:00+03:00 tests/integration/consultations.test.ts
#   scripts/test-at.sh --e2e 2026-12-31T23:30+03:00           # the browser tests (frontend built first)
#   npm run test:dates                                        # what CI runs: the date-sensitive files
#
# The clock starts at the instant and runs on (a run near midnight crosses it). FAKETIME_DONT_RESET
# makes child processes continue from the parent's clock instead of starting again at the instant,
# so spawned jobs and DynamoDB Local see the same time as the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

e2e=0
if [ "${1:-}" = "--e2e" ]; then e2e=1; shift; fi
at=${1:?"usage: scripts/test-at.sh [--e2e] INSTANT [vitest files or options...]"}
shift
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
# faketime reads its start in the local zone: give it UTC, whatever the machine's zone.
utc=$(date -u -d "$at" '+%Y-%m-%d %H:%M:%S')
echo "Tests at $at (UTC $utc)"

run() { TZ=UTC FAKETIME_DONT_RESET=1 faketime -f "@$utc" "$@"; }
if [ "$e2e" = 1 ]; then
  npm run build:web
  run npx vitest run --config tests/e2e/vitest.config.ts "$@"
else
  run npx vitest run --project unit --project integration "$@"
fi
