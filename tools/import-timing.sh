#!/usr/bin/env bash
# Times the advisor import of the administration tool on a 50,000-row file of new BPL advisors, against a fresh
# demo database, as seconds of the whole command (tool start-up included), Release build.
# Usage: bash tools/import-timing.sh [runs] [checkout]
#   checkout: the repository to measure (default: this one), so an older commit can be measured beside this one.
set -euo pipefail
runs=${1:-3}
repo=$(cd "${2:-$(dirname "$0")/..}" && pwd)
dotnet build "$repo/src/Portal.Cli" -c Release -nologo -clp:ErrorsOnly >/dev/null
tool="$repo/src/Portal.Cli/bin/Release/net10.0/Portal.Cli.dll"
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
export DOTNET_ENVIRONMENT=Production
db="--ConnectionStrings:Portal=Data Source=$folder/portal.db"
dotnet "$tool" "$db" migrate >/dev/null
dotnet "$tool" "$db" seed-demo >/dev/null
cp "$folder/portal.db" "$folder/seeded.db"
file="$folder/advisors.csv"
{
  echo "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills"
  for i in $(seq 1 50000); do
    site=$(( i % 4 ))
    case $site in 0) s="Rennes";; 1) s="Nantes";; 2) s="Brest";; *) s="Quimper";; esac
    printf 'X%06d;Nom%d;Prénom%d;Plateau %s;%d;true;BOX-VENTE:%d,MOB-TECH:2\n' "$i" "$i" "$i" "$s" $(( i % 5 == 0 ? 80 : 100 )) $(( 1 + i % 4 ))
  done
} > "$file"
for run in $(seq 1 "$runs"); do
  cp "$folder/seeded.db" "$folder/portal.db"
  rm -f "$folder/portal.db-wal" "$folder/portal.db-shm"
  begin=$(date +%s.%N)
  dotnet "$tool" "$db" import advisors "$file" >"$folder/out.txt"
  end=$(date +%s.%N)
  printf 'run %d: %.2f s  %s\n' "$run" "$(echo "$end - $begin" | bc)" "$(tail -n 1 "$folder/out.txt")"
done
