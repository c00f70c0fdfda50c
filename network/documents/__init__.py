"""Documents offices bring: extraction of uploaded files into Markdown drafts, and
Markdown rendered to safe HTML."""
