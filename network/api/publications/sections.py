"""A brief's structured sections, as revisions and drafts show them."""

from collections.abc import Callable, Mapping

import strawberry


@strawberry.type
class BriefSections:
    problem: str | None
    practice: str | None
    implementation: str | None
    outcomes: str | None
    cost_staffing: str | None


def sections_of(
    data: Mapping[str, str] | None, convert: Callable[[str], str] | None = None
) -> BriefSections | None:
    """The sections in `data` (None when there are none), optionally converted (to HTML)."""
    if not data:
        return None

    def value(name: str) -> str | None:
        text = data.get(name)
        if text is None:
            return None
        return convert(text) if convert else text

    return BriefSections(
        problem=value("problem"),
        practice=value("practice"),
        implementation=value("implementation"),
        outcomes=value("outcomes"),
        cost_staffing=value("cost_staffing"),
    )
