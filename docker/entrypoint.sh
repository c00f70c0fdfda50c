#!/bin/sh
# Container entry point; the first argument picks the mode.
set -eu
mode="${1:-web}"
case "$mode" in
  web)
    exec network serve --host 0.0.0.0 --port "${PORT:-8000}" --workers "${WEB_WORKERS:-2}"
    ;;
  migrate)
    exec network migrate
    ;;
  demo)
    if [ -n "${DEMO_INSTANCE_NAME:-}" ]; then
      # one instance among several: offices of its own, and a seed of its own unless set
      exec network demo --instance-name "$DEMO_INSTANCE_NAME" ${DEMO_SEED:+--seed "$DEMO_SEED"}
    fi
    exec network demo --seed "${DEMO_SEED:-7}"
    ;;
  worker)
    exec network worker
    ;;
  peer)
    exec /peer.sh
    ;;
  *)
    exec "$@"
    ;;
esac
