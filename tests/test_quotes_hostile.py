"""Hostile texts: every pass stays well-behaved on quote storms, unclosed marks and verb floods.

The passes are linear (each loop looks at a bounded window: rules.py), and they check the
request deadline in their long loops. Their cost beside ordinary prose is measured by a
benchmark, never asserted here; these tests check behaviour: spans inside the text, never
overlapping, the deadline honoured.
"""

import pytest

from server import deadline
from server import quotes as quote_analysis

SIZE = 5_000


def fit(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


HOSTILE = {
    "straight storm": '"' * 4_000,
    "curly short quotations": fit("“a” "),
    "one-word lines": fit("Word\n"),
    "unclosed curly": fit("“ unclosed text here "),
    "unclosed straight": fit('" unclosed text here '),
    "guillemets and nesting": fit("« a » « b ‹ c "),
    "single marks": fit("‘a’ ’b ‘c "),
    "every mark at once": fit("“«‹„\"'‘ ") ,
    "speech verbs": fit("said told said added said "),
    "quote said": fit("“Yes,” he said. "),
    "interview questions": fit("Why?\n“Because.”\n"),
    "newspaper marks": fit("''a'' ``b'' "),
    "anonymous split quotes": fit("“We will go,” said an official who asked not to be named, “now.” "),
    "colons and names": fit("Smith: “a” Jones: “b” "),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_gives_sane_quotes(nlp, name):
    text = HOSTILE[name]
    doc = nlp(text) if len(text) <= SIZE and name != "straight storm" else nlp.make_doc(text)
    quotes, findings = quote_analysis.analyze(doc)
    spans = [q.span for q in quotes]
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert {(f.span.start, f.span.end) for f in findings} <= {(s.start, s.end) for s in spans}


def test_the_passes_honour_the_request_deadline(nlp):
    doc = nlp.make_doc(fit("“Yes,” he said. ", 40_000))
    with pytest.raises(deadline.AnalysisTimeout):
        with deadline.limit(1e-9):
            quote_analysis.analyze(doc)
