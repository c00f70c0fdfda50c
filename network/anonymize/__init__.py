"""Finding what could identify a person in an office's text, and redacting it with
consistent placeholders. Knows nothing of the database, GraphQL or HTTP."""
