"""Score the quotation analysis on PolNeAR: one article at a time, then the figures per split.

`score_article` runs the analyser once on an article (through `server.pipeline.get_analyzer()`,
the JSON report only, plus `classify_source` on the same parsed doc) and returns an
`ArticleScore`: one `DirectOutcome` per annotated direct quotation, one `SourceOutcome` per
annotated Source, and the `quote.anonymous` findings matched to annotated quotations.
`figures` adds a split's scores up into the table `eval_quotes.py` prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polnear
import report_view
from source_labels import Label, read_labels

from server.quotes import classify_source

Kind = Literal["named", "pronoun", "anonymous"]


_analyzer = None
_parse_cache: Path | None = None


def use_parse_cache(folder: Path | None) -> None:
    """Read and keep parses in `folder` (eval/parse_cache.py); call before the first article."""
    global _parse_cache
    if _analyzer is not None:
        raise RuntimeError("use_parse_cache after the analyser was made")
    _parse_cache = folder


def analyzer():
    """The analyser, its `parse` wrapped to keep the last doc it made (`last_doc`), so that the
    report and classify_source read one parse of each article (`Analyzer.parse` runs the
    pipeline's components itself: a wrapper around `nlp` never saw the doc); with
    `use_parse_cache`, the parse is read from the cache folder when it is there."""
    global _analyzer
    if _analyzer is None:
        from server.pipeline import get_analyzer

        an = get_analyzer()
        parse = an.parse
        if _parse_cache is not None:
            from parse_cache import ParseCache

            parse = ParseCache(_parse_cache, an).wrap(parse)

        def remembering_parse(text):
            an.last_doc = parse(text)
            return an.last_doc

        an.parse = remembering_parse
        an.last_doc = None
        _analyzer = an
    return _analyzer


@dataclass
class DirectOutcome:
    """One annotated direct quotation and what the analyser made of it."""

    ident: str
    quoted: str  # the quoted words, shortened, for the miss lists
    source_text: str | None
    label: Kind | None  # the source's label (None: no annotated source)
    has_source: bool
    found: bool
    speech: bool  # the matched quote was taken as speech (not a title or scare quote)
    speaker_right: bool
    same_name: bool  # the source's surname is in the speaker's text or resolved name
    marks: str  # "double" or "single"
    speaker: str  # what the analyser gave: kind and text
    codes: tuple[str, ...]
    context: str = ""  # the text from the first to the last span of the attribution, shortened


@dataclass
class SourceOutcome:
    """One annotated Source (of any attribution) and the analyser's classify_source of it."""

    text: str
    label: Kind
    predicted: str
    direct: bool


@dataclass
class AnonymousFinding:
    """A quote.anonymous finding matched to the annotated direct quotation it lies on."""

    quoted: str
    source_text: str | None
    label: Kind | None  # None: the annotated quotation has no source
    speaker: str = ""  # what the analyser gave: its text and, for a pronoun, whom it points to
    context: str = ""


@dataclass
class ArticleScore:
    split: str
    name: str
    direct: list[DirectOutcome] = field(default_factory=list)
    sources: list[SourceOutcome] = field(default_factory=list)
    anonymous_findings: list[AnonymousFinding] = field(default_factory=list)
    unmatched_anonymous: int = 0  # quote.anonymous on no annotated direct quotation


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_NAME_WORD = re.compile(r"[A-Z][\w’'-]*[a-z][\w’'-]*")


def _same_name(source: str, speaker: report_view.ReportedSpeaker) -> bool:
    """The annotated source's last capitalised word (a surname, mostly) in what the analyser
    gave as speaker, its text or the name it resolved to: the same person at another mention."""
    words = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w
             for w in _NAME_WORD.findall(source.split(",")[0])]
    if not words:
        return False
    said = f"{speaker.text or ''} {speaker.resolved or ''}"
    return re.search(r"\b" + re.escape(words[-1]) + r"\b", said) is not None


def _context(text: str, att: polnear.Attribution, n: int = 220) -> str:
    spans = [s for s in (att.source, att.cue, att.content) if s is not None]
    lo, hi = min(s.start for s in spans), max(s.end for s in spans)
    lo = max(0, lo - 40)
    snippet = " ".join(text[lo:hi].split())
    if len(snippet) > n:
        snippet = snippet[: n // 2] + " … " + snippet[-n // 2 :]
    return snippet


def score_article(corpora: Path, split: str, name: str, labels_path: Path) -> ArticleScore:
    art = polnear.read_article(corpora, split, name)
    labels = read_labels(labels_path)
    an = analyzer()
    report = an.analyze_json(art.text)
    doc = an.last_doc
    if doc is None or doc.text != art.text:
        doc = an.parse(art.text)
    quotes = report_view.read_quotes(report, art.text)
    score = ArticleScore(split, name)

    def label_of(att: polnear.Attribution) -> Label | None:
        if att.source is None:
            return None
        return labels.get((split, name, att.source.start, att.source.end))

    for att in art.attributions:
        lab = label_of(att)
        if att.source is not None and lab is not None:
            frag = att.source.main_fragment()
            score.sources.append(SourceOutcome(
                _short(att.source.text, 60), lab.label,
                classify_source(doc, frag.start, frag.end), att.direct))
        if not att.direct:
            continue
        parts = [(p.start, p.end) for p in att.quoted_parts]
        match = report_view.best_match(quotes, parts)
        right = bool(match and match.speaker.range and att.source and
                     att.source.overlaps(match.speaker.range.start, match.speaker.range.end))
        score.direct.append(DirectOutcome(
            ident=att.ident,
            quoted=_short(" … ".join(art.text[a:b] for a, b in parts)),
            source_text=_short(att.source.text, 60) if att.source else None,
            label=lab.label if lab else None,
            has_source=att.source is not None,
            found=match is not None,
            speech=bool(match and match.speech),
            speaker_right=right,
            same_name=bool(match and lab and lab.label == "named" and
                           _same_name(att.source.text, match.speaker)),
            marks=att.marks.value,
            speaker=(f"{match.speaker.kind} {match.speaker.text!r}" if match else "-"),
            codes=tuple(sorted(match.codes)) if match else (),
            context=_context(art.text, att),
        ))

    direct = art.direct
    for q in quotes:
        if "quote.anonymous" not in q.codes:
            continue
        best, best_overlap = None, 0
        for att in direct:
            overlap = sum(q.range.overlap(p.start, p.end) for p in att.quoted_parts)
            if overlap > best_overlap:
                best, best_overlap = att, overlap
        if best is None:
            score.unmatched_anonymous += 1
            continue
        lab = label_of(best)
        score.anonymous_findings.append(AnonymousFinding(
            _short(q.text), _short(best.source.text, 60) if best.source else None,
            lab.label if lab else None, speaker=repr(q.speaker.text),
            context=_context(art.text, best)))
    return score


# --- the figures ---------------------------------------------------------------------------------

FLAGS = ("quote.anonymous", "quote.unattributed")


@dataclass(frozen=True)
class Figure:
    name: str
    num: int
    den: int
    target: float | None  # None: for information
    sense: Literal[">=", "<="] = ">="

    @property
    def value(self) -> float:
        return self.num / self.den if self.den else 0.0

    @property
    def met(self) -> bool | None:
        if self.target is None or not self.den:
            return None
        return self.value >= self.target if self.sense == ">=" else self.value <= self.target


def figures(scores: list[ArticleScore]) -> list[Figure]:
    d = [o for s in scores for o in s.direct]
    with_source = [o for o in d if o.has_source]
    found = [o for o in d if o.found]
    named = [o for o in found if o.label in ("named", "pronoun")]
    anonymous = [o for o in d if o.label == "anonymous"]
    af = [f for s in scores for f in s.anonymous_findings]
    src = [o for s in scores for o in s.sources]
    src_anon = [o for o in src if o.label == "anonymous"]
    src_pred_anon = [o for o in src if o.predicted == "anonymous"]
    src_named = [o for o in src if o.label in ("named", "pronoun")]
    return [
        Figure("direct quotations found", len(found), len(d), 0.99),
        Figure("speaker right (of those with a source)",
               sum(o.speaker_right for o in with_source), len(with_source), 0.93),
        Figure("false alarms on named/pronoun sources (found)",
               sum(any(c in FLAGS for c in o.codes) for o in named), len(named), 0.01, "<="),
        Figure("anonymous sources flagged quote.anonymous",
               sum("quote.anonymous" in o.codes for o in anonymous), len(anonymous), 0.90),
        Figure("quote.anonymous findings on an unnamed source",
               sum(f.label == "anonymous" for f in af), len(af), 0.90),
        Figure("all attributions: unnamed sources classified anonymous",
               sum(o.predicted == "anonymous" for o in src_anon), len(src_anon), 0.90),
        Figure("all attributions: sources classified anonymous that are unnamed",
               sum(o.label == "anonymous" for o in src_pred_anon), len(src_pred_anon), 0.90),
        Figure("all attributions: named/pronoun sources classified anonymous",
               sum(o.predicted == "anonymous" for o in src_named), len(src_named), None, "<="),
        Figure("false alarms on named sources only (pronouns left out)",
               sum(any(c in FLAGS for c in o.codes) for o in named if o.label == "named"),
               sum(1 for o in named if o.label == "named"), None, "<="),
        Figure("speaker right, or the same name at another mention",
               sum(o.speaker_right or o.same_name for o in with_source), len(with_source), None),
        Figure("speaker right, of the found quotations taken as speech",
               sum(o.speaker_right for o in with_source if o.found and o.speech),
               sum(1 for o in with_source if o.found and o.speech), None),
        Figure("direct quotations in single marks found",
               sum(o.found for o in d if o.marks == "single"),
               sum(1 for o in d if o.marks == "single"), None),
        Figure("found quotations taken as not speech", sum(not o.speech for o in found),
               len(found), None, "<="),
        Figure("direct quotations with no source flagged quote.unattributed",
               sum("quote.unattributed" in o.codes for o in d if not o.has_source and o.found),
               sum(1 for o in d if not o.has_source and o.found), None),
    ]


def misses(scores: list[ArticleScore]) -> dict[str, list[str]]:
    """Every failure, grouped, one line each (article, quote, annotated source, analyser)."""
    out: dict[str, list[str]] = {k: [] for k in (
        "quotation not found", "wrong speaker", "false alarm", "anonymous not flagged",
        "quote.anonymous on a source not unnamed", "source classified wrongly (all attributions)")}
    for s in scores:
        for o in s.direct:
            line = (f"{s.name} {o.ident}: {o.quoted!r} source {o.source_text!r} [{o.label}]"
                    f" -> {o.speaker} {','.join(o.codes) or '-'}\n      | {o.context}")
            if not o.found:
                out["quotation not found"].append(line)
            elif o.has_source and not o.speaker_right:
                out["wrong speaker"].append(line)
            if o.found and o.label in ("named", "pronoun") and any(c in FLAGS for c in o.codes):
                out["false alarm"].append(line)
            if o.label == "anonymous" and "quote.anonymous" not in o.codes:
                out["anonymous not flagged"].append(line)
        for f in s.anonymous_findings:
            if f.label != "anonymous":
                out["quote.anonymous on a source not unnamed"].append(
                    f"{s.name}: {f.quoted!r} source {f.source_text!r} [{f.label}]"
                    f" -> anonymous {f.speaker}\n      | {f.context}")
        for o in s.sources:
            if (o.label == "anonymous") != (o.predicted == "anonymous"):
                out["source classified wrongly (all attributions)"].append(
                    f"{s.name}: {o.text!r} labelled {o.label}, classified {o.predicted}"
                    f"{' (direct)' if o.direct else ''}")
    return out
