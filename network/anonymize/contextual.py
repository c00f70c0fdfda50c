"""A pattern recognizer that reads its own context words.

Presidio raises a pattern's score when context words surround it, but it finds them in
the NLP engine's tokens; the no-op engine we must use offline has none. This recognizer
looks at the characters just before and after each match instead (on the same line, so
that a form's other fields do not count), raises the score when a context word is
there, and drops the matches of patterns that mean nothing without one (a bare number
is not a booking number).

It also lets a pattern match a label and report only the identifier after it (a group
named `value`): "Booking No. 2107-3341" finds "2107-3341". Presidio's own loop reports
whole matches, which would force a look-behind for the label, and look-behinds cost a
hundred times more (they are tried at every position of the text).
"""

import re
from collections.abc import Collection, Sequence
from typing import Any, cast

from network.anonymize.entities import EntityType
from network.anonymize.presidio import (
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

# No checksum validation ran (Presidio's explanation types the field as a bool).
_NOT_VALIDATED = cast(bool, None)

# Case-insensitive, `.` matches newlines, `^`/`$` at line ends: Presidio's default flags.
DEFAULT_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE


class StdlibPattern(Pattern):
    """A Presidio pattern checked with the standard library's `re`, the engine that runs
    it here (Presidio checks with the `regex` module: 0.2 s more at start-up for ours)."""

    def __init__(self, name: str, regex: str, score: float) -> None:
        re.compile(regex)
        if not 0 <= score <= 1:
            raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
        self.name = name
        self.regex = regex
        self.score = score
        self.compiled_regex = None
        self.compiled_with_flags = None


class ContextPatternRecognizer(PatternRecognizer):
    """Patterns for one entity type, scored up near a context word.

    `context` holds regular expressions (matched case-insensitively as whole words);
    `needs_context` names the patterns whose matches are dropped without one;
    `min_digits` drops matches with too few digits to identify anything ("Case No. 4").
    `clean_gap`: a context word counts only if no other number stands between it and the
    match ("Case: CR-19-2214  DOC# A-301948" does not make the second a case number).
    """

    # Set by Presidio's untyped constructors.
    name: str
    patterns: list[Pattern]
    global_regex_flags: int

    def __init__(
        self,
        entity: EntityType,
        patterns: Sequence[Pattern],
        context: Sequence[str] = (),
        *,
        context_score: float = 0.85,
        needs_context: Collection[str] = (),
        before: int = 40,
        after: int = 16,
        flags: int = DEFAULT_FLAGS,
        min_digits: int = 0,
        clean_gap: bool = True,
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=str(entity),
            name=name or f"{entity.value.title().replace('_', '')}Recognizer",
            patterns=list(patterns),
            context=list(context),
            global_regex_flags=flags,
        )
        self.context_score = context_score
        self.needs_context = frozenset(needs_context)
        self.before = before
        self.after = after
        self.min_digits = min_digits
        self.clean_gap = clean_gap
        self._cache: dict[tuple[str, int], re.Pattern[str]] = {}
        self._context = (
            re.compile(r"(?<![\w])(?:" + "|".join(context) + r")(?![\w])", re.IGNORECASE)
            if context
            else None
        )

    def has_context(self, text: str, start: int, end: int) -> bool:
        """A context word shortly before the match (with no other number in between,
        unless `clean_gap` is off) or shortly after it, on the same line."""
        if self._context is None:
            return False
        head = text[max(0, start - self.before) : start]
        head = head[head.rfind("\n") + 1 :]
        last = None
        for last in self._context.finditer(head):  # noqa: B007 - the last one counts
            pass
        if last is not None and not (
            self.clean_gap and any(ch.isdigit() for ch in head[last.end() :])
        ):
            return True
        tail = text[end : end + self.after].split("\n", 1)[0]
        return bool(self.after and self._context.search(tail))

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        kept = []
        for result in self.matches(text, regex_flags):
            explanation = result.analysis_explanation
            pattern = explanation.pattern_name if explanation is not None else None
            if self.has_context(text, result.start, result.end):
                result.score = max(result.score, self.context_score)
            elif pattern in self.needs_context:
                continue
            digits = sum(ch.isdigit() for ch in text[result.start : result.end])
            if digits >= self.min_digits and self.keep(text, result):
                kept.append(result)
        return kept

    def keep(self, text: str, result: RecognizerResult) -> bool:
        """Last word on a match, for checks a regular expression cannot make."""
        return True

    def matches(self, text: str, regex_flags: int | None = None) -> list[RecognizerResult]:
        """Every pattern's matches, as Presidio results (the `value` group's span when
        the pattern has one), without duplicates."""
        flags: int = regex_flags or self.global_regex_flags
        results: list[RecognizerResult] = []
        for pattern in self.patterns:
            compiled = self._compiled(pattern, flags)
            has_value = "value" in compiled.groupindex
            for match in compiled.finditer(text):
                start, end = match.span("value") if has_value else match.span()
                if start < 0 or end <= start:
                    continue
                explanation = self.build_regex_explanation(
                    self.name, pattern.name, pattern.regex, pattern.score, _NOT_VALIDATED, flags
                )
                results.append(
                    RecognizerResult(
                        entity_type=self.supported_entities[0],
                        start=start,
                        end=end,
                        score=pattern.score,
                        analysis_explanation=explanation,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return list(EntityRecognizer.remove_duplicates(results))

    def _compiled(self, pattern: Pattern, flags: int) -> re.Pattern[str]:
        """Compiled once per pattern and flags (with the standard library's engine:
        every pattern here is bounded, none needs the `regex` module's extras)."""
        key = (pattern.regex, flags)
        compiled = self._cache.get(key)
        if compiled is None:
            compiled = self._cache[key] = re.compile(pattern.regex, flags)
        return compiled
