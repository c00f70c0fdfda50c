#!/usr/bin/env bash
# Installs the project, migrates the configured database (an SQLite file under
# ./data by default), loads the demo network and serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
.venv/bin/network demo --seed "${DEMO_SEED:-7}"
exec .venv/bin/network serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
