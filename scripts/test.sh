#!/usr/bin/env bash
# The project's one test command (README, CI): scripts/test.sh
#
# On a Debian 12 machine with the .NET 10 SDK and node/npm it installs what is missing (PostgreSQL 15 +
# PostGIS, Chromium), restores the dotnet tools, builds once, then runs
#   1. the integration suite tests/Jsms.Tests on SQLite,
#   2. the same suite on PostgreSQL (a throwaway cluster from scripts/postgres.sh, stopped at the end),
#   3. the browser tests tests/Jsms.BrowserTests (Playwright + Debian Chromium, SQLite).
# The last line it prints is the total over all runs: "N passed, N failed" (", N skipped" when any).
# It exits non-zero when a test failed, a run did not report results, or a step before failed.
#
# Environment (all optional):
#   JSMS_SHARED_DATA   the shared test data folder (sanctions/, stix2/, taxii/); by default the first
#                      shared/data found walking up from the repository (../shared/data beside the clone).
#                      The script stops at once, naming this variable, when the folder is missing.
#   JSMS_TEST_FILTER   a `dotnet test --filter` expression applied to every run (a run it leaves
#                      empty counts as not executed)
#   JSMS_TEST_POSTGRES use this PostgreSQL server instead of starting one (nothing is stopped then)
#   JSMS_PG_PORT, JSMS_PG_DIR   port and folder of the throwaway cluster (scripts/postgres.sh)
#   JSMS_TEST_CONFIGURATION     Debug (default) or Release
# Results: TestResults/test-run/*.trx, browser screenshots in TestResults/test-run/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONFIG=${JSMS_TEST_CONFIGURATION:-Debug}
RESULTS=$ROOT/TestResults/test-run
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

# --- 0. the shared test data (77 tests read it): found here once and handed to every run -------
if [ -z "${JSMS_SHARED_DATA:-}" ]; then
  dir=$ROOT
  while [ "$dir" != / ]; do
    if [ -d "$dir/shared/data" ]; then
      JSMS_SHARED_DATA=$dir/shared/data
      break
    fi
    dir=$(dirname "$dir")
  done
fi
if [ -z "${JSMS_SHARED_DATA:-}" ] || [ ! -d "$JSMS_SHARED_DATA" ]; then
  echo "error: the shared test data folder was not found${JSMS_SHARED_DATA:+ at JSMS_SHARED_DATA=$JSMS_SHARED_DATA}." >&2
  echo "error: set JSMS_SHARED_DATA to it (by default ../shared/data beside the repository, holding sanctions/, stix2/ and taxii/)." >&2
  exit 2
fi
export JSMS_SHARED_DATA
echo "shared test data: $JSMS_SHARED_DATA"

passed=0 failed=0 skipped=0
problems=()
started_postgres=false
postgres_server=${JSMS_TEST_POSTGRES:-}
t0=$SECONDS

step() { printf '\n==> %s (%ds)\n' "$*" $((SECONDS - t0)); }

finish() {
  local status=$?
  if $started_postgres; then
    scripts/postgres.sh stop || true
  fi
  if [ "$status" -ne 0 ] && [ ${#problems[@]} -eq 0 ]; then
    problems+=("the script stopped with status $status before all runs finished")
  fi
  echo
  for problem in "${problems[@]}"; do
    echo "error: $problem"
  done
  printf 'total time %ds\n' $((SECONDS - t0))
  local line="$passed passed, $failed failed"
  if [ "$skipped" -gt 0 ]; then
    line+=", $skipped skipped"
  fi
  echo "$line"
  if [ "$status" -eq 0 ] && { [ "$failed" -gt 0 ] || [ ${#problems[@]} -gt 0 ]; }; then
    status=1
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- 1. system packages (one apt run for everything missing) ---------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
if [ -z "$postgres_server" ]; then
  [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
fi
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. tools, the test validator's node packages, and build (the build runs `npm ci` itself when wwwroot/lib is missing)
step "dotnet tool restore"
dotnet tool restore >/dev/null

step "npm ci (tests/stix-validation: ajv and the STIX schema validator)"
npm ci --prefix tests/stix-validation --no-audit --no-fund --loglevel=error

step "building ($CONFIG)"
dotnet build Jsms.slnx -c "$CONFIG" -nologo -v q --disable-build-servers

# --- 3. test runs -----------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# run NAME PROJECT [VAR=VALUE...]: one `dotnet test` of a built project; adds its counts to the totals.
run() {
  local name=$1 project=$2
  shift 2
  step "tests: $name"
  local log="$RESULTS/$name.log" code=0
  local args=(test "$project" --no-build -c "$CONFIG" --nologo
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS"
    --blame-hang-timeout 10m --blame-hang-dump-type none)
  if [ -n "${JSMS_TEST_FILTER:-}" ]; then
    args+=(--filter "$JSMS_TEST_FILTER")
  fi
  env "$@" dotnet "${args[@]}" 2>&1 | tee "$log" || code=$?
  # One line per test assembly, e.g. "Passed!  - Failed:     0, Passed:    54, Skipped:     0, Total: ..."
  local lines
  lines=$(sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+), +Total: +([0-9]+).*/\2 \3 \4/p' "$log")
  if [ -z "$lines" ]; then
    problems+=("$name: no test results reported (exit code $code), see $log")
    return 0
  fi
  local f p s
  while read -r f p s; do
    failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
  done <<<"$lines"
  if [ "$code" -ne 0 ] && ! grep -qE 'Failed! +- +Failed: +[1-9]' "$log"; then
    problems+=("$name: dotnet test exited with $code although no test failed, see $log")
  fi
}

# require_test NAME TEST: the run NAME must have executed TEST (a full name), unless a filter is set.
require_test() {
  local trx="$RESULTS/$1.trx"
  [ -z "${JSMS_TEST_FILTER:-}" ] || return 0
  if ! grep -qE "testName=\"$2\"[^>]* outcome=\"(Passed|Failed)\"" "$trx" 2>/dev/null; then
    problems+=("$1: $2 did not run (it guards this provider's migrations)")
  fi
}

# The EF model must have no changes without a migration, on each provider.
pending_check=Jsms.Tests.Platform.HostTests.Model_has_no_pending_changes_for_this_provider

run sqlite tests/Jsms.Tests -u JSMS_TEST_POSTGRES
require_test sqlite "$pending_check"

if [ -z "$postgres_server" ]; then
  step "starting PostgreSQL"
  if ! scripts/postgres.sh status; then
    started_postgres=true
  fi
  postgres_server=$(scripts/postgres.sh start)
fi
run postgres tests/Jsms.Tests "JSMS_TEST_POSTGRES=$postgres_server"
require_test postgres "$pending_check"
if $started_postgres; then
  scripts/postgres.sh stop
  started_postgres=false
fi

run browser tests/Jsms.BrowserTests -u JSMS_TEST_POSTGRES "JSMS_BROWSER_ARTIFACTS=$RESULTS/screenshots"
