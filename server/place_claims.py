"""Region claims: where the text says a place lies.

Patterns, each on tokens right after the place mention:

- apposition with a settlement word: "Sevastopol, a city in Crimea", "X, a town in Russia's
  Bryansk region";
- "X, Y" where Y is a country, a US state or a division with its type word ("Sevsk, Russia",
  "Springfield, Ill.", "Bakhmut, Donetsk region"), but not a list ("Kyiv, Poland and Germany");
- "X in (the) Y" and "X, located/situated in Y", "X lies in Y";
- anaphora: a sentence opening "The city/town/village …" with "in Y" early on claims Y for the
  last place named in a locative role in the previous two sentences ("… withdrawal from SevSk …
  The city, strategically located in the Donetsk region, …").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from .place_mentions import Mention, _cap_run, settlement_words
from .regions import DIRECTIONS, TYPE_WORDS, Region, RegionTable

LOCATED = {"located", "situated", "lies", "lying", "sits", "sitting", "nestled", "based"}
ANAPHORA_WINDOW = 14  # tokens after "The city" in which "in Y" may follow


@dataclass
class Claim:
    mention: Mention
    region: Region
    start: int  # code points of the region phrase
    end: int
    text: str
    anaphoric: bool
    pattern: str


def region_at(doc: Doc, i: int, regions: RegionTable) -> tuple[Region, int, int, bool] | None:
    """The region phrase starting at token i: (region, first token, end token, has type word)."""
    n = len(doc)
    while i < n and doc[i].lower_ == "the":
        i += 1
    start = i
    country = None
    run = _cap_run(doc, i)
    if run and run[1] < n and doc[run[1]].lower_ in ("'s", "’s"):
        r = regions.resolve(doc[run[0] : run[1]].text)
        if r is not None and r.country is not None:
            country = r.country
            i = run[1] + 1
            start_after_country = i
        else:
            return None
    else:
        start_after_country = i
    while i < n and doc[i].lower_ in DIRECTIONS:
        i += 1
    run = _cap_run(doc, i, {"of"})  # "Bay of Plenty", "Isle of Man"
    if run is None:
        return None
    a, b = run
    if b + 1 < n and doc[b].lower_ == "and":  # "Jammu and Kashmir", "Newfoundland and Labrador"
        more = _cap_run(doc, b + 1)
        if more is not None and regions.resolve(doc[a : more[1]].text, country) is not None:
            b = more[1]
    typed = b < n and doc[b].lower_ in TYPE_WORDS
    b2 = b + 1 if typed else b
    for x, y in ((start_after_country, b2), (a, b2), (a, b)):
        if x >= y:
            continue
        region = regions.resolve(doc[x:y].text, country)
        if region is not None:
            return region, (start if country else x), y, typed and y == b2
    return None


def _is_list_after(doc: Doc, j: int) -> bool:
    """After a region phrase ending at j: does a list go on ("…, Poland and Germany")?"""
    if j >= len(doc):
        return False
    if doc[j].lower_ in ("and", "or", "&"):
        return True
    if doc[j].text == "," and j + 1 < len(doc):
        nxt = doc[j + 1]
        return nxt.lower_ in ("and", "or") or (nxt.text[:1].isupper() and nxt.pos_ == "PROPN")
    return False


def find_claims(
    doc: Doc, mentions: list[Mention], regions: RegionTable, can_lie_in: Callable[[Mention], bool]
) -> list[Claim]:
    """Region claims for the mentions `can_lie_in` accepts (towns, not countries)."""
    claims: list[Claim] = []
    n = len(doc)
    settle = settlement_words()

    def claim(m, found, anaphoric, pattern):
        region, a, b, _ = found
        if a > 0 and doc[a - 1].lower_ == "the":
            a -= 1  # "the Donetsk region", as the text says it
        span = doc[a:b]
        claims.append(Claim(m, region, span.start_char, span.end_char, span.text, anaphoric, pattern))

    for m in mentions:
        if not can_lie_in(m):
            continue
        j = m.tok_end
        if j < n and doc[j].lower_ in ("'s", "’s"):
            continue
        if j < n and doc[j].text == ",":
            k = j + 1
            if k + 1 < n and doc[k].lower_ in ("which", "that"):
                # "X, which is (now) located in Y", "X, which lies in Y"
                t = k + 1
                while t < n and (doc[t].pos_ == "ADV" or doc[t].lower_ in ("is", "was", "lies", "lay", "sits")):
                    t += 1
                if t < n and doc[t].lower_ in LOCATED:
                    t += 1
                if t < n and doc[t].lower_ == "in" and t - k <= 5:
                    found = region_at(doc, t + 1, regions)
                    if found:
                        claim(m, found, False, "located")
                continue
            if k < n and doc[k].lower_ in ("a", "an", "the", "now"):
                # "X, a [small] city in Y", "X, a town located in Y"
                end = min(n, k + 8)
                seen_settlement = False
                for t in range(k, end):
                    if doc[t].lower_ in settle:
                        seen_settlement = True
                    if doc[t].lower_ in ("in", "of") and seen_settlement:
                        found = region_at(doc, t + 1, regions)
                        if found:
                            claim(m, found, False, "apposition")
                        break
                    if doc[t].is_punct:
                        break
                continue
            # "X, located in Y"
            t = k
            while t < n and doc[t].pos_ == "ADV":
                t += 1
            if t + 1 < n and doc[t].lower_ in LOCATED and doc[t + 1].lower_ == "in":
                found = region_at(doc, t + 2, regions)
                if found:
                    claim(m, found, False, "located")
                continue
            # "X, Y" with Y a country, a US state or a typed division
            found = region_at(doc, k, regions)
            if found:
                region, a, b, typed = found
                if not _is_list_after(doc, b) and (
                    region.country is not None or typed or all(c.startswith("US.") for c in region.codes)
                ):
                    claim(m, found, False, "comma")
            continue
        # "X in Y", "X is located in Y", "X lies in Y"
        t = j
        if t < n and doc[t].lower_ in ("is", "was", "lies", "lay", "sits"):
            t += 1
            while t < n and doc[t].pos_ == "ADV":
                t += 1
            if t < n and doc[t].lower_ in LOCATED:
                t += 1
            if t < n and doc[t].lower_ == "in":
                found = region_at(doc, t + 1, regions)
                if found:
                    claim(m, found, False, "located")
            continue
        if t < n and doc[t].lower_ == "in":
            found = region_at(doc, t + 1, regions)
            if found:
                claim(m, found, False, "in")

    # Anaphora: "The city, strategically located in the Donetsk region, …"
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        if si == 0:
            continue
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 4 or toks[0].lower_ not in ("the", "this", "that"):
            continue
        k = 1
        while k < len(toks) and k < 4 and toks[k].lower_ not in settle and toks[k].pos_ in ("ADJ", "NOUN", "ADV"):
            k += 1
        if k >= len(toks) or toks[k].lower_ not in settle:
            continue
        found = None
        window = toks[k + 1 : k + 1 + ANAPHORA_WINDOW]
        for n_t, t in enumerate(window):
            if t.lower_ != "in":
                continue
            # Only a statement of where it lies: "The city, (strategically) located in Y",
            # "The town, in Y, …", "The city is (situated) in Y", "which lies in Y" — not any
            # "in" ("The city has been shelled since the war in Ukraine began").
            before = [w for w in window[:n_t] if w.pos_ != "ADV"]
            prev = before[-1].lower_ if before else ""
            if prev in LOCATED or (prev in ("is", "was", "lies", ",") and len(before) <= 2):
                found = region_at(doc, t.i + 1, regions)
            if found or t.lower_ == "in":
                break
        if not found:
            continue
        antecedent = None
        for m in reversed(mentions):
            if m.sent in (si - 1, si - 2) and m.locative and can_lie_in(m):
                antecedent = m
                break
        if antecedent is not None:
            claim(antecedent, found, True, "anaphora")
    return claims
