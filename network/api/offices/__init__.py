"""The office directory in the schema: root fields, types, inputs and loaders."""
