#!/usr/bin/env bash
# Installs what the benchmark needs (wrk, PostGraphile 4), generates the national-scale
# data set on PostgreSQL and SQLite if it is missing, and runs bench/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh test
mkdir -p bench/.work
if ! command -v wrk >/dev/null 2>&1; then
  apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
fi
if [ ! -x bench/.work/node/node_modules/.bin/postgraphile ]; then
  mkdir -p bench/.work/node
  (cd bench/.work/node && echo '{"private": true}' > package.json \
    && npm install --no-package-lock --no-audit --no-fund postgraphile@4.14.1)
fi
PG_ADMIN="${PG_ADMIN:-postgres://postgres@127.0.0.1:5432/postgres}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/bench_full}"
SQLITE_URL="sqlite://$(pwd)/bench/.work/bench.sqlite3"
if ! psql "$PG_URL" -Atc "SELECT 1 FROM publication LIMIT 1" 2>/dev/null | grep -q 1; then
  psql "$PG_ADMIN" -c "DROP DATABASE IF EXISTS bench_full" -c "CREATE DATABASE bench_full"
  .venv/bin/python bench/generate.py --database-url "$PG_URL"
fi
if [ ! -s bench/.work/bench.sqlite3 ]; then
  .venv/bin/python bench/generate.py --database-url "$SQLITE_URL"
fi
# Data sets made by an older version get the newer migrations.
DATABASE_URL="$PG_URL" .venv/bin/network migrate
DATABASE_URL="$SQLITE_URL" .venv/bin/network migrate
.venv/bin/python bench/run.py --postgres "$PG_URL" --sqlite "$SQLITE_URL" "$@"
