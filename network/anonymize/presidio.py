"""Presidio's recognizer classes, loaded without spaCy.

`import presidio_analyzer` runs the package's `__init__`, which imports the NLP engines,
every predefined recognizer and spaCy: about two seconds, before a single pattern runs.
The classes our recognizers build on (`Pattern`, `PatternRecognizer`, `EntityRecognizer`,
`RecognizerResult`) need none of that. When Presidio is not imported yet, their modules
are loaded under a temporary stand-in for the package, which is then removed: a later
`import presidio_analyzer` (the full engine, `network.anonymize.registry`) runs the real
`__init__`, which reuses these very modules, so the classes stay the same objects. Should
the internal layout change, the full import is used instead.

The public-suffix list that Presidio's URL recognizer would fetch at import time is
switched off here too: nothing may download at run time.
"""

import importlib
import importlib.util
import os
import sys
import types
from typing import TYPE_CHECKING, Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

PACKAGE = "presidio_analyzer"

# Submodules in dependency order, with the names each one expects to find on the package.
_CORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("analysis_explanation", ("AnalysisExplanation",)),
    ("recognizer_result", ("RecognizerResult",)),
    ("entity_recognizer", ("EntityRecognizer",)),
    ("local_recognizer", ("LocalRecognizer",)),
    ("pattern", ("Pattern",)),
    ("pattern_recognizer", ("PatternRecognizer",)),
)


def _load_core() -> Any:
    """The package itself if it is already imported, else a namespace holding the core
    classes (see the module docstring)."""
    loaded = sys.modules.get(PACKAGE)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(PACKAGE)
    stand_in = types.ModuleType(PACKAGE)
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__spec__ = spec
    stand_in.__package__ = PACKAGE
    sys.modules[PACKAGE] = stand_in
    try:
        for module_name, names in _CORE:
            module = importlib.import_module(f"{PACKAGE}.{module_name}")
            for name in names:
                setattr(stand_in, name, getattr(module, name))
    except (ImportError, AttributeError):
        sys.modules.pop(PACKAGE, None)
        for module_name, _ in _CORE:
            sys.modules.pop(f"{PACKAGE}.{module_name}", None)
        return importlib.import_module(PACKAGE)
    finally:
        if sys.modules.get(PACKAGE) is stand_in:
            del sys.modules[PACKAGE]
    return stand_in


if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
else:
    _core = _load_core()
    Pattern = _core.Pattern
    PatternRecognizer = _core.PatternRecognizer
    EntityRecognizer = _core.EntityRecognizer
    RecognizerResult = _core.RecognizerResult

__all__ = ["EntityRecognizer", "Pattern", "PatternRecognizer", "RecognizerResult"]
