"""Read the real annotated news of ../shared/corpora/geo: LGL and GeoVirus, split dev/test.

Every annotated name is a real place. LGL resolves each toponym to a GeoNames id; GeoVirus gives
a name and coordinates (its offsets point one character late in the distributed file, so a span
is re-found within a few characters of where it says it is, and dropped if it is not there).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Split = Literal["dev", "test"]
CorpusName = Literal["LGL", "GeoVirus"]

# The English pages of ../shared/pages; the other six are in other languages.
OTHER_LANGUAGE_PAGES = ("lemonde-1", "liberation-1", "heise", "la-nacion", "folha", "aktualne")

# How far (characters) a GeoVirus span may sit from the offsets it is given.
SPAN_SLACK = 5


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: int | None  # LGL only
    feature_class: str | None  # LGL only: P populated place, A division, ...
    country_name: str | None = None  # LGL only: the annotated place's country and division
    admin1_name: str | None = None


@dataclass(frozen=True)
class Article:
    corpus: CorpusName
    docid: str
    split: Split
    text: str
    title_end: int  # characters of a headline the text opens with (LGL), else 0
    toponyms: tuple[Toponym, ...]

    @property
    def body_start(self) -> int:
        """Where the body starts after the headline ("Title. Body")."""
        if not self.title_end:
            return 0
        i = self.title_end
        while i < len(self.text) and self.text[i] in ". ":
            i += 1
        return i


@dataclass(frozen=True)
class Corpora:
    articles: tuple[Article, ...]
    dropped_spans: int  # GeoVirus spans not found near their offsets

    def split(self, split: Split) -> list[Article]:
        return [a for a in self.articles if a.split == split]


def geo_dir(corpora: Path) -> Path:
    return corpora / "geo"


def available(corpora: Path) -> bool:
    return (geo_dir(corpora) / "lgl.xml").is_file() and (geo_dir(corpora) / "GeoVirus.xml").is_file()


def _float(el, tag: str) -> float:
    try:
        return float(el.findtext(tag) or "nan")
    except ValueError:
        return float("nan")


def read_lgl(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        title = art.findtext("title") or ""
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            tops.append(Toponym(
                start=int(t.findtext("start")), end=int(t.findtext("end")), phrase=t.findtext("phrase") or "",
                lat=_float(tag, "lat") if tag is not None else float("nan"),
                lon=_float(tag, "lon") if tag is not None else float("nan"),
                geonameid=int(gid) if gid else None,
                feature_class=tag.findtext("fclass") if tag is not None else None,
                country_name=tag.findtext("country") if tag is not None else None,
                admin1_name=tag.findtext("admin1") if tag is not None else None,
            ))
        out.append(Article(
            corpus="LGL", docid=art.get("docid") or "", split=art.get("split"), text=text,
            title_end=len(title) if title and text.startswith(title) else 0,
            toponyms=tuple(sorted(tops, key=lambda t: t.start)),
        ))
    return out


def _refind(text: str, name: str, start: int) -> int | None:
    for delta in sorted(range(-SPAN_SLACK, SPAN_SLACK + 1), key=abs):
        s = start + delta
        if s >= 0 and text[s : s + len(name)] == name:
            return s
    return None


def read_geovirus(path: Path) -> tuple[list[Article], int]:
    out, dropped = [], 0
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            s = _refind(text, name, int(loc.findtext("start")))
            if s is None:
                dropped += 1
                continue
            tops.append(Toponym(start=s, end=s + len(name), phrase=name, lat=_float(loc, "lat"),
                                lon=_float(loc, "lon"), geonameid=None, feature_class=None))
        out.append(Article(corpus="GeoVirus", docid=f"geovirus-{n}", split=art.get("split"), text=text,
                           title_end=0, toponyms=tuple(sorted(set(tops), key=lambda t: (t.start, t.end, t.phrase)))))
    return out, dropped


def load(corpora: Path) -> Corpora:
    lgl = read_lgl(geo_dir(corpora) / "lgl.xml")
    geovirus, dropped = read_geovirus(geo_dir(corpora) / "GeoVirus.xml")
    return Corpora(articles=tuple(lgl + geovirus), dropped_spans=dropped)


@dataclass(frozen=True)
class PlainArticle:
    """An article with no place annotation (PolNeAR): honest text, nothing injected."""

    name: str
    text: str


def polnear_dir(corpora: Path, split: Split) -> Path:
    return corpora / "polnear" / split


def read_polnear(corpora: Path, split: Split) -> list[PlainArticle]:
    """PolNeAR's articles of a split (real US political news, no injected errors): any place
    warning or caution on them is almost surely a false alarm."""
    return [PlainArticle(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(polnear_dir(corpora, split).glob("*.txt"))]


def english_pages(pages: Path) -> list[Path]:
    return [p for p in sorted(pages.glob("*.html")) if p.stem not in OTHER_LANGUAGE_PAGES]
