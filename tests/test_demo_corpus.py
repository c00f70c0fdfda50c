"""The demo corpus files: all parse, and a malformed file is refused with its place."""

import pytest

from network.demo.documents import CorpusFormatError, _parse, load_briefs, load_policies

FRONT = {"key", "topics"}
FIELDS = {"title", "summary", "change"}
GOOD = """---
key: probe
topics: [bail-pretrial]
---

# Revision 1
title: A probe
summary: Short.
change: Initial version.

## Scope
All felony referrals.
"""


def test_every_corpus_file_parses_into_distinct_documents() -> None:
    policies, briefs = load_policies(), load_briefs()
    assert len(policies) == 50 and len(briefs) == 28
    keys = [p.key for p in policies] + [b.key for b in briefs]
    assert len(set(keys)) == len(keys)


def test_a_well_formed_file_parses() -> None:
    document = _parse(GOOD, "probe.md", FRONT, FIELDS)
    assert document.front == {"key": "probe", "topics": ("bail-pretrial",)}
    assert document.revisions[0].fields["title"] == "A probe"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("---\nkey", "key", 1), "front-matter"),
        (GOOD.replace("topics: [bail-pretrial]\n", ""), "lacks"),
        (GOOD.replace("key: probe", "key: probe\nkey: again"), "each once"),
        (GOOD.replace("# Revision 1", "# Revision 2"), "expected '# Revision 1'"),
        (GOOD.replace("title: A probe", "author: Somebody"), "expected one of"),
        (GOOD + "\n## Scope\nAgain.\n", "section repeated"),
        ("---\nkey: probe\ntopics: []\n---\n", "no revisions"),
    ],
)
def test_a_malformed_file_is_refused_with_its_place(text: str, message: str) -> None:
    with pytest.raises(CorpusFormatError, match=message) as refused:
        _parse(text, "probe.md", FRONT, FIELDS)
    assert str(refused.value).startswith("probe.md")
