"""Metrics in the schema: uploads with their line-by-line report and the release they
make, comparisons across offices, the corrections log and the registry's changes."""
