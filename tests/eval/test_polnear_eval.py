"""The figures of eval_quotes.py from per-quotation outcomes (eval/polnear_eval.py)."""

from polnear_eval import AnonymousFinding, ArticleScore, DirectOutcome, SourceOutcome, figures


def _direct(label, found=True, right=True, codes=(), source=True):
    return DirectOutcome(ident="E1", quoted="“…”", source_text="x" if source else None,
                         label=label if source else None, has_source=source, found=found,
                         speech=found, speaker_right=right, same_name=False, marks="double",
                         speaker="-", codes=codes)


def _by_name(scores):
    return {f.name: (f.num, f.den) for f in figures(scores)}


def test_the_five_direct_figures_count_what_the_issue_says():
    score = ArticleScore("dev", "a", direct=[
        _direct("named"),
        _direct("pronoun", codes=("quote.unattributed",)),  # a false alarm
        _direct("named", found=False, right=False),  # missed: no false alarm, not in its denominator
        _direct("anonymous", codes=("quote.anonymous",)),
        _direct("anonymous", right=False),
        _direct(None, source=False, right=False, codes=("quote.unattributed",)),
    ], anonymous_findings=[AnonymousFinding("“…”", "a senior official", "anonymous"),
                           AnonymousFinding("“…”", "Trump", "named")])
    got = _by_name([score])
    assert got["direct quotations found"] == (5, 6)
    assert got["speaker right (of those with a source)"] == (3, 5)
    assert got["false alarms on named/pronoun sources (found)"] == (1, 2)
    assert got["anonymous sources flagged quote.anonymous"] == (1, 2)
    assert got["quote.anonymous findings on an unnamed source"] == (1, 2)


def test_the_source_figures_read_classify_source_against_the_labels():
    score = ArticleScore("dev", "a", sources=[
        SourceOutcome("a senior official", "anonymous", "anonymous", True),
        SourceOutcome("aides", "anonymous", "named", False),
        SourceOutcome("he", "pronoun", "anonymous", False),
        SourceOutcome("Trump", "named", "named", False),
    ])
    got = _by_name([score])
    assert got["all attributions: unnamed sources classified anonymous"] == (1, 2)
    assert got["all attributions: sources classified anonymous that are unnamed"] == (1, 2)
    assert got["all attributions: named/pronoun sources classified anonymous"] == (1, 2)
