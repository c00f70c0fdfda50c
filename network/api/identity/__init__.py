"""Identity in the schema (viewer, API clients, members, identity providers, the
audit log): root fields, mutations, types and inputs."""
