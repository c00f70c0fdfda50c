"""Our recognizers in Presidio's own registry and engine, for code that wants the full
Presidio API (decision-process traces, batch analysis, Presidio's anonymizer).

Importing this module imports all of `presidio_analyzer`, spaCy included (~2 s): the
analysis itself (`analyzer.analyze`) does not need it. The registry holds exactly our
recognizers, none of Presidio's predefined ones, and the engine uses the no-op NLP
engine, which loads no model. `analyzer.resolve` turns the engine's results into the
same findings `analyzer.analyze` returns, except that names found in one text are not
looked for across a document's other parts.
"""

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NoOpNlpEngine

from network.anonymize.recognizers import default_recognizers

LANGUAGE = "en"


def build_registry() -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in default_recognizers():
        registry.add_recognizer(recognizer)
    return registry


def build_engine() -> AnalyzerEngine:
    nlp_engine = NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "none"}])
    return AnalyzerEngine(
        registry=build_registry(), nlp_engine=nlp_engine, supported_languages=[LANGUAGE]
    )
