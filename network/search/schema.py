"""DDL of the full-text index, one variant per engine.

The index is not a Tortoise model: an FTS5 virtual table cannot be described by a
model, and a tsvector table would not create on SQLite. Migrations call these
functions; the search backends read and write the tables they create.
"""

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS publication_fts USING fts5("
    "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS publication_fts"

# Title weighs most (A), then the summary (B), then the body (C). The tsvector is a
# generated column, so it can never disagree with the stored text.
POSTGRES_CREATE = (
    """
    CREATE TABLE IF NOT EXISTS publication_search (
        publication_id integer PRIMARY KEY REFERENCES publication (id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', summary), 'B')
            || setweight(to_tsvector('english', body), 'C')
        ) STORED
    )
    """,
    "CREATE INDEX IF NOT EXISTS publication_search_document_gin "
    "ON publication_search USING gin (document)",
)
POSTGRES_DROP = "DROP TABLE IF EXISTS publication_search"


def is_postgres(dialect: str) -> bool:
    return dialect == "postgres"
