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


# Title and summary only: small enough to stay inline (no TOAST), so testing it on
# thousands of matches is cheap, unlike the full document.
POSTGRES_ADD_HEAD = (
    """
    ALTER TABLE publication_search ADD COLUMN IF NOT EXISTS head tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', summary), 'B')
    ) STORED
    """,
    # Keep rows narrow so scanning thousands of matches reads few pages: the long
    # body and document go out of line uncompressed (cheap to fetch for the few
    # rows ranked or highlighted), the short columns stay inline. Measured at 50,000
    # publications: heap 82 MB -> 24 MB, counting a broad term's matches 43 -> 23 ms.
    "ALTER TABLE publication_search SET (toast_tuple_target = 128)",
    "ALTER TABLE publication_search ALTER COLUMN body SET STORAGE EXTERNAL, "
    "ALTER COLUMN document SET STORAGE EXTERNAL, ALTER COLUMN head SET STORAGE MAIN, "
    "ALTER COLUMN title SET STORAGE MAIN, ALTER COLUMN summary SET STORAGE MAIN",
)
POSTGRES_DROP_HEAD = "ALTER TABLE publication_search DROP COLUMN IF EXISTS head"
