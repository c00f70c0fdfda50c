#!/bin/sh
# Peer instance A with instance B, once: B invites, A adds (both sides are then each
# other's clients and pull each other's feeds). Reads A_* and B_* variables; does
# nothing when A already lists B as a peer.
set -eu
as_a() {
  env DATABASE_URL="$A_DATABASE_URL" NETWORK_INSTANCE_ID="$A_INSTANCE_ID" \
    NETWORK_BASE_URL="$A_BASE_URL" NETWORK_SECRET_KEY="$A_SECRET_KEY" "$@"
}
as_b() {
  env DATABASE_URL="$B_DATABASE_URL" NETWORK_INSTANCE_ID="$B_INSTANCE_ID" \
    NETWORK_BASE_URL="$B_BASE_URL" NETWORK_SECRET_KEY="$B_SECRET_KEY" "$@"
}
if as_a network peer list | grep -q "^$B_INSTANCE_ID"; then
  echo "$A_INSTANCE_ID already peers with $B_INSTANCE_ID"
  exit 0
fi
code=$(as_b network peer invite --expires-in 10m | tail -n 1)
as_a network peer add "$B_BASE_URL" "$code"
