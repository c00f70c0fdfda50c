"""Comparisons of released metric values across offices and peer groups.

Reads releases only (never observations), so nothing it computes can depend on a
hidden cell; it sits above publications and metrics because it marks the policies
offices tagged as meant to move a metric on their series.
"""
