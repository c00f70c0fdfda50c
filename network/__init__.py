"""The Practice Network: prosecutor offices share anonymized policies, briefs and metrics."""

__version__ = "0.1.0"
