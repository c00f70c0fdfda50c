"""HTTP plumbing shared by every route: what is true of a request before any domain
code sees it. Imports neither strawberry nor any domain package."""
