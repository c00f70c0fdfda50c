"""Policies, briefs, revisions, search hits and facets in the schema: root fields,
types, inputs and loaders."""
