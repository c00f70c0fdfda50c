.PHONY: run test schema bench

# Install, migrate, load the demo network and serve it at http://127.0.0.1:8000
run:
	scripts/run.sh

# Install test dependencies and run lint, types and the whole suite (SQLite, then PostgreSQL)
test:
	scripts/test.sh

# Regenerate the checked-in GraphQL SDL
schema:
	.venv/bin/network schema -o graphql/schema.graphql

# National-scale benchmark (see bench/README section in README.md)
bench:
	bench/run.sh
