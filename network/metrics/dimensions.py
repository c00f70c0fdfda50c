"""The dimensions a metric may be broken down by, and their categories.

A cell is named "dimension=category" (for example "race_ethnicity=black"); the total
has the empty name. Categories are closed lists so that every office's cells mean
the same thing; "other" and "unknown" keep each list exhaustive, so the cells of a
dimension add up to the total unless a definition says otherwise.
"""

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "severity": ("felony", "misdemeanor"),
    "offense_category": ("violent", "property", "drug", "other"),
    "race_ethnicity": ("black", "hispanic", "white", "other", "unknown"),
    "sex": ("female", "male", "unknown"),
    "age_band": ("under_25", "25_to_44", "45_plus", "unknown"),
}

TOTAL = ""


def cell_name(dimension: str, category: str) -> str:
    return f"{dimension}={category}"


def split(name: str) -> tuple[str, str]:
    """("", "") for the total, else (dimension, category)."""
    dimension, _, category = name.partition("=")
    return dimension, category
