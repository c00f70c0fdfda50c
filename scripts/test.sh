#!/usr/bin/env bash
# Installs the test dependencies and runs the whole suite: lint, types, then the
# tests against SQLite and, when it is reachable, PostgreSQL at 127.0.0.1:5432.
# Set REQUIRE_POSTGRES=1 to fail instead of skipping the PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh test
PY=.venv/bin/python

# The sign-in tests run a real OpenID provider (oidc-provider on Node.js 20).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20 and npm are needed: the sign-in tests run a real OpenID provider." >&2
  exit 1
fi
if [ ! -d tests/oidc/node_modules/oidc-provider ]; then
  (cd tests/oidc && npm install --no-audit --no-fund --no-package-lock --silent)
fi

echo "== ruff"
$PY -m ruff check network federation tests bench
$PY -m ruff format --check network federation tests bench
echo "== mypy"
$PY -m mypy
echo "== import layers"
.venv/bin/lint-imports --no-cache

echo "== pytest (SQLite)"
TEST_DATABASE=sqlite $PY -m pytest -q -p no:cacheprovider "$@"

if $PY - <<'PY'
import socket, sys
try:
    socket.create_connection(("127.0.0.1", 5432), timeout=2).close()
except OSError:
    sys.exit(1)
PY
then
  echo "== pytest (PostgreSQL)"
  TEST_DATABASE=postgres $PY -m pytest -q -p no:cacheprovider "$@"
elif [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "PostgreSQL is not reachable at 127.0.0.1:5432 and REQUIRE_POSTGRES=1." >&2
  exit 1
else
  echo "== PostgreSQL not reachable at 127.0.0.1:5432: its run was not done (only SQLite ran)."
fi
