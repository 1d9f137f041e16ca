"""Read the PolNeAR attribution corpus (brat standoff) into named attributions.

Each article is `NAME.txt` + `NAME.ann` under `polnear/{dev,test}/` (see
`../shared/corpora/README.md`). A `T` line is a span with one or more fragments (`START END`
joined by `;`); an `E` line ties an attribution's Source, Cue and Content (and sometimes a
`Content2`) together; an attribution may lack a Source. Offsets count code points.

A *direct quotation* is an attribution whose Content holds quote marks; the parts of the Content
between the marks are its *quoted parts* (`quoted_parts`). The policy, written down in
`eval/quotes/LABELS.md`:

- double marks, straight `"`, curly `“ ”` or the newspaper style's `''…''`, always count;
- single marks `‘ ’` or straight `'` count only in a Content with no double mark, and only as a
  pair that opens before a word and closes after one (`’s`, `’90s`, `don’t` are apostrophes);
- a partial quote (`called it "a disgrace"`) counts; only its marked part must be found;
- a mark with no partner runs to the end (opening) or from the start (closing) of the Content
  fragment, as when a quote runs on past a paragraph break or the annotator cut it short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

SPLITS = ("dev", "test")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class Fragment:
    """A half-open range [start, end) of code points in the article."""

    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Span:
    """An annotated span: one or more fragments in text order."""

    fragments: tuple[Fragment, ...]
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0].start

    @property
    def end(self) -> int:
        return self.fragments[-1].end

    def overlaps(self, start: int, end: int) -> bool:
        return any(f.overlaps(start, end) for f in self.fragments)

    def main_fragment(self) -> Fragment:
        """The longest fragment: the one a classifier of the phrase should read."""
        return max(self.fragments, key=lambda f: f.end - f.start)


class Marks(Enum):
    """Which quote marks make an attribution direct."""

    DOUBLE = "double"
    SINGLE = "single"


@dataclass
class Attribution:
    article: str
    ident: str  # the E line's id, "E12"
    content: Span
    source: Span | None
    cue: Span | None
    quoted_parts: list[Fragment] = field(default_factory=list)
    marks: Marks | None = None  # None: an indirect report

    @property
    def direct(self) -> bool:
        return bool(self.quoted_parts)


@dataclass
class Article:
    split: str
    name: str
    text: str
    attributions: list[Attribution]

    @property
    def direct(self) -> list[Attribution]:
        return [a for a in self.attributions if a.direct]


def corpus_dir(corpora: Path) -> Path:
    """The polnear folder, or SystemExit with a plain message when it is absent."""
    here = corpora / "polnear"
    if not (here / "dev").is_dir():
        raise SystemExit(
            f"PolNeAR not found: no {here / 'dev'}. Put the shared corpora at ../shared/corpora "
            "(see its README.md) or pass --corpora PATH."
        )
    return here


def article_names(corpora: Path, split: str) -> list[str]:
    return sorted(p.stem for p in (corpus_dir(corpora) / split).glob("*.ann"))


def read_article(corpora: Path, split: str, name: str) -> Article:
    folder = corpus_dir(corpora) / split
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    spans: dict[str, Span] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in (folder / f"{name}.ann").read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = tuple(
                Fragment(int(a), int(b))
                for a, b in (pair.split() for pair in m.group(3).split(";"))
            )
            spans[m.group(1)] = Span(frags, " ".join(text[f.start : f.end] for f in frags))
            continue
        m = _E_LINE.match(line)
        if m:
            roles = dict(arg.split(":", 1) for arg in m.group(2).split() if ":" in arg)
            events.append((m.group(1), roles))
    attributions = []
    for ident, roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue  # an attribution without content says nothing to score
        extra = spans.get(roles.get("Content2", ""))
        if extra is not None:
            content = Span(content.fragments + extra.fragments, f"{content.text} {extra.text}")
        att = Attribution(
            article=name,
            ident=ident,
            content=content,
            source=spans.get(roles.get("Source", "")),
            cue=spans.get(roles.get("Cue", "")),
        )
        att.quoted_parts, att.marks = quoted_parts(text, content)
        attributions.append(att)
    return Article(split, name, text, attributions)


def read_split(corpora: Path, split: str, limit: int | None = None) -> list[Article]:
    names = article_names(corpora, split)
    if limit is not None:
        names = names[:limit]
    return [read_article(corpora, split, n) for n in names]


# --- quote marks -------------------------------------------------------------------------------

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"


def _opens(text: str, i: int) -> bool:
    """A straight mark at text[i] opens a quote when a word follows and none precedes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and before not in ".,;:!?" and not after.isspace()


def _pair(text: str, lo: int, hi: int, marks: list[tuple[int, bool]]) -> list[Fragment]:
    """Pair opening/closing marks (position, is_opening) inside [lo, hi) into quoted parts."""
    parts = []
    open_at: int | None = None
    for pos, opening in marks:
        if opening:
            if open_at is None:
                open_at = pos
        elif open_at is not None:
            parts.append(Fragment(open_at, pos + 1))
            open_at = None
        elif not parts:
            parts.append(Fragment(lo, pos + 1))  # closes a quote opened before the Content
    if open_at is not None:
        parts.append(Fragment(open_at, hi))  # runs on past the Content
    return [p for p in parts if any(c.isalnum() for c in text[p.start : p.end])]


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, bool]]:
    """Curly and straight double marks, and the newspaper style's two apostrophes ''…''."""
    out = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch == DOUBLE_OPEN:
            out.append((i, True))
        elif ch == DOUBLE_CLOSE:
            out.append((i, False))
        elif ch == '"':
            out.append((i, _opens(text, i)))
        elif text.startswith("''", i) and i + 1 < hi:
            before = text[i - 1] if i > 0 else " "
            after = text[i + 2] if i + 2 < len(text) else " "
            opening = not before.isalnum() and before not in ".,;:!?" and not after.isspace()
            out.append((i, True) if opening else (i + 1, False))
            i += 1
        i += 1
    return out


def _single_marks(text: str, lo: int, hi: int) -> list[tuple[int, bool]]:
    """Single marks that open before a word or close after one, apostrophes left out."""
    out = []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in (SINGLE_OPEN, SINGLE_CLOSE, "'") or text[i - 1:i + 2].count("'") > 1:
            continue  # not a single mark, or one of the two apostrophes of ''…''

        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # don’t, Clinton’s
        if not before.isalnum() and before not in ".,;:!?" and after.isalpha():
            out.append((i, True))
        elif (before.isalnum() or before in ".,;:!?") and not after.isalnum():
            out.append((i, False))
    return out


def quoted_parts(text: str, content: Span) -> tuple[list[Fragment], Marks | None]:
    parts = []
    for frag in content.fragments:
        parts += _pair(text, frag.start, frag.end, _double_marks(text, frag.start, frag.end))
    if parts:
        return parts, Marks.DOUBLE
    for frag in content.fragments:
        marks = _single_marks(text, frag.start, frag.end)
        # an unpaired single mark is most often an apostrophe (’90s, the Clintons’): pairs only
        parts += [p for p in _pair(text, frag.start, frag.end, marks)
                  if text[p.start] in (SINGLE_OPEN, "'") and text[p.end - 1] in (SINGLE_CLOSE, "'")]
    if parts:
        return parts, Marks.SINGLE
    return [], None
