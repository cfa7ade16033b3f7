#!/usr/bin/env bash
# Adds a migration for both providers: scripts/migrations.sh add NAME
# The project's RootNamespace (Jsms) gives the namespace; the assembly is named jsms, so never pass
# --namespace (dotnet-ef would then write the model snapshot under src/Jsms/Jsms/...).
# (each provider has its own set: docs/decisions/0004-migrations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-}
name=${2:-}
if [ "$cmd" != add ] || [ -z "$name" ]; then
  echo "usage: scripts/migrations.sh add NAME" >&2
  exit 2
fi
dotnet tool restore >/dev/null
dotnet build src/Jsms -c Debug -nologo -v q >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Jsms --startup-project src/Jsms \
    --context "${provider}JsmsDbContext" --output-dir "Platform/Database/Migrations/$provider"
done
