#!/usr/bin/env bash
# Runs every test of the portal, installing first what the tests need on a fresh machine:
# Debian's Chromium for the browser tests, Debian's redis-server for the backplane test, and the local dotnet tools. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v chromium >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Chromium and Redis (Debian packages) for the browser and backplane tests..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium redis-server >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build Portal.sln -nologo -clp:ErrorsOnly

# The SQL Server migrations cannot be applied here: check both providers are in step with the model
# and that the SQL Server idempotent script generates.
for provider in Sqlite SqlServer; do
  dotnet ef migrations has-pending-model-changes --no-build \
    --project "src/Portal.Migrations.$provider" --startup-project "src/Portal.Migrations.$provider"
done
mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build -o artifacts/sqlserver-migrations.sql \
  --project src/Portal.Migrations.SqlServer --startup-project src/Portal.Migrations.SqlServer >/dev/null

results="artifacts/test-results"
rm -rf "$results"
status=0
dotnet test Portal.sln --no-build --logger "trx" --results-directory "$results" || status=$?

# One plain closing line with the real counts, read from the result files.
count() {
  { cat "$results"/*.trx 2>/dev/null || true; } | { grep -o "<Counters [^>]*" || true; } \
    | { grep -o " $1=\"[0-9]*\"" || true; } | tr -dc '0-9\n' | awk '{ sum += $1 } END { print sum + 0 }'
}
echo "$(count passed) passed, $(( $(count failed) + $(count error) + $(count timeout) )) failed"
exit "$status"
