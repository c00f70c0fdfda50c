"""The change log: what changed, recorded by the domain, delivered to consumers.

Domain services record a `Change` (kind, object id, version, action) in the same
transaction as the change itself and know nothing of who listens. Consumers (the
search index, response-cache invalidation, later the federation feed) are registered
explicitly where the application is wired (`network.wiring`), each with its delivery:
in the same transaction, after commit in this process, or later from the job queue.
"""
