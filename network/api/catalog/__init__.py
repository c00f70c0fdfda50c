"""The shared vocabulary in the schema (topics, metric definitions): root fields,
types and loaders."""
