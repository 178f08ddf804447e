#!/usr/bin/env bash
# Measures the portal's start: the first start on an empty database (migrations + full demo) and a later
# start on the existing database, as seconds from launching the command to the first 200 of the login page.
# Usage: bash tools/startup-timing.sh [runs] [command...]
#   default command: the built app (dotnet src/Portal.Web/bin/Release/net10.0/Portal.Web.dll), built first.
#   e.g. bash tools/startup-timing.sh 3 dotnet run --project src/Portal.Web --no-launch-profile
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
if [ $# -eq 0 ]; then
  dotnet build src/Portal.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
  set -- dotnet src/Portal.Web/bin/Release/net10.0/Portal.Web.dll
fi
port=5099
folder=$(mktemp -d)
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port"
export ConnectionStrings__Portal="Data Source=$folder/portal.db"

time_start() {
  local begin end pid
  begin=$(date +%s.%N)
  "$@" >"$folder/app.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/Account/Login" 2>/dev/null | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { cat "$folder/app.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$end - $begin" | bc
}

for i in $(seq 1 "$runs"); do
  rm -f "$folder"/portal.db*
  first=$(time_start "$@")
  later=$(time_start "$@")
  echo "run $i: first start (migrations + demo) ${first} s, later start ${later} s"
done
rm -rf "$folder"
