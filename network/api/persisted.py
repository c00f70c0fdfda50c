"""Persisted (trusted) operations: the documents in graphql/operations, by hash.

A client may send `documentId: "sha256:<hex>"` (or the persisted-query extension
with the same hash) instead of the document text: shorter requests, cacheable GETs,
and a fixed set of operations the web UI depends on.
"""

import hashlib
from pathlib import Path


def document_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def load_documents(directory: Path) -> dict[str, str]:
    documents: dict[str, str] = {}
    if directory.is_dir():
        for path in sorted(directory.glob("*.graphql")):
            text = path.read_text(encoding="utf-8")
            documents[document_hash(text)] = text
    return documents
