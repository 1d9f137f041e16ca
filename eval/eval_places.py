"""Evaluate the place analysis: the figures of issue 4, each with its numerator and denominator.

    .venv/bin/python eval/eval_places.py [--n 300] [--seed 4]

Sets (all built here, deterministically from a fixed random seed):

- honest: the real place names of eval/data/honest_sentences.txt (marked [[like this]]), the
  place mentions of the eight real pages in tests/fixtures/pages, and true region claims
  ("X, a town in <its own division>") for real GeoNames towns. A false alarm is a `warning` or
  `caution` place finding on one of them.
- misspellings: GeoNames main names of 6+ letters (towns of 15,000+ people), each given one or
  two random edits (letter replaced, dropped, added, or two swapped) that do not make another
  real name, placed in news-like sentence templates. Caught: a `place.misspelled` finding on the
  name; top-3: the real town among the first three suggestions.
- articles2: eval/data/honest_articles2.txt, news paragraphs in many outlets' styles with hard
  real place names ([[marked]]) and place-named people, clubs, firms, streets and buildings
  ({{marked}}); a false alarm is a warning/caution on either. Its names of 6+ letters are also
  misspelt in place (one or two edits) to check recall in real news context. First run, before
  any change made for it: 0/177 real names and 0/15 place-named others flagged; misspellings
  caught 38/55 = 69.1%, top 3 38/38.
- districts: eval/data/honest_districts.txt, real neighbourhoods, suburbs, townships, villages and
  slums (many missing from GeoNames, a letter or two from a small town elsewhere: Tepito/Tepic,
  Schwabing/Schwaig) and firms that look like places ("analysts at Nomura in Tokyo"). First run,
  before any change made for it: 10/87 real names and 1/8 others flagged.
- wrong regions: real towns placed in a division of the same country (or a neighbouring one)
  where no town of that name lies ("X, a city in <wrong division>"). Caught: `place.wrong_region`.
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.gazetteer import normalize  # noqa: E402
from server.pipeline import get_analyzer  # noqa: E402

MARK = re.compile(r"\[\[(.+?)\]\]")
ANY_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")  # [[real place]] or {{not a place here}}


def unmark(line: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """The plain text of a marked line and its marked spans (start, end, is_place)."""
    spans, text, pos = [], "", 0
    for m in ANY_MARK.finditer(line):
        text += line[pos : m.start()]
        word = m.group(1) or m.group(2)
        spans.append((len(text), len(text) + len(word), m.group(1) is not None))
        text += word
        pos = m.end()
    return text + line[pos:], spans

TYPO_TEMPLATES = [
    "Russian forces shelled {X} overnight, officials said.",
    "Residents of {X} were told to evacuate as the fighting drew closer.",
    "The army said it had pushed back an attack near {X} on Tuesday.",
    "Aid convoys reached the town of {X} after a week of delays.",
    "Protesters gathered in {X} for a third day, police said.",
    "Flooding cut off roads around {X}, according to local media.",
    "The company opened a new plant outside {X} last year.",
    "Troops withdrew from {X}, a city in {REGION}, after weeks of fighting.",
    "Officials in {X}, {COUNTRY}, reported dozens of casualties.",
    "Explosions were heard in {X} early on Sunday, {COUNTRY}'s interior ministry said.",
]
ALPHA = "abcdefghijklmnopqrstuvwxyz"
CLAIM_TEMPLATES = [
    "Troops withdrew from {X}, a city in {R}, after weeks of fighting.",
    "Fighting was reported in {X}, a town in {R}, on Monday.",
    "Residents fled {X} in {R} as the shelling intensified.",
    "The withdrawal from {X} was confirmed on Monday.\nThe city, strategically located in {R}, had been a stronghold.",
    "Aid reached {X}, which is located in {R}, late on Friday.",
]


def mutate(name: str, edits: int, rnd: random.Random) -> str:
    s = name
    for _ in range(edits):
        i = rnd.randrange(len(s))
        op = rnd.choice(("sub", "del", "ins", "swap"))
        if op == "sub":
            c = rnd.choice([ch for ch in ALPHA if ch != s[i].lower()])
            c = c.upper() if s[i].isupper() else c
            s = s[:i] + c + s[i + 1 :]
        elif op == "del" and len(s) > 4:
            s = s[:i] + s[i + 1 :]
        elif op == "ins":
            c = rnd.choice(ALPHA)
            c = c.upper() if i == 0 else c
            s = s[:i] + c + s[i:]
            if i == 0:
                s = s[0] + s[1].lower() + s[2:]
        elif i + 1 < len(s):
            s = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[0].upper() + s[1:].lower()  # a place name keeps its capital


def town_sample(g, rnd, n, min_pop, min_len=6):
    ids = [
        i for i in range(len(g.gid))
        if g.pop[i] >= min_pop and re.fullmatch(r"[A-Z][a-z]+", g.name(i)) and len(g.name(i)) >= min_len
    ]
    return rnd.sample(ids, min(n, len(ids)))


def finding_on(report, start, end, codes=None):
    out = []
    for f in report.findings:
        if f.type == "place" and f.span.start < end and start < f.span.end:
            if codes is None or f.code in codes:
                out.append(f)
    return out


def unreal_typo(g, name: str, rnd: random.Random) -> str | None:
    """A one- or two-letter misspelling of a real name that is not itself a real name or region
    (five tries), or None; nothing for a name that is also a region."""
    if g.regions.resolve(name):
        return None
    for _ in range(5):
        typo = mutate(name, rnd.choice((1, 2)), rnd)
        key = normalize(typo)
        if key != normalize(name) and not g.ids_for_key(key) and not g.regions.resolve(key):
            return typo
    return None


def typo_verdict(g, report, start: int, typo: str, truth) -> tuple[bool, bool]:
    """Was the misspelling at `start` flagged place.misspelled, and is a true place among the
    first three suggestions?"""
    hits = finding_on(report, start, start + len(typo), {"place.misspelled"})
    if not hits:
        return False, False
    ids = {s["geonameid"] for s in hits[0].details.get("suggestions", [])[:3]}
    return True, bool(ids & {int(g.gid[i]) for i in truth})


def honest_set(filename: str, label: str, analyze, show):
    """Warnings and cautions on the marked names of an honest set (one text a line):
    its lines, then places and places flagged, other names and other names flagged."""
    with open(ROOT / "eval" / "data" / filename, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    places = places_flagged = others = others_flagged = 0
    for line in lines:
        text, spans = unmark(line)
        report = analyze(text)
        for a, b, is_place in spans:
            bad = [f for f in finding_on(report, a, b) if f.severity in ("warning", "caution")]
            if is_place:
                places += 1
                places_flagged += bool(bad)
            else:
                others += 1
                others_flagged += bool(bad)
            if bad:
                show(f"false alarm ({label}):", text[a:b], bad[0].code,
                     bad[0].details.get("suggestions", [{}])[:1])  # fmt: skip
    return lines, places, places_flagged, others, others_flagged


def division_phrase(g, code: str, rnd) -> str | None:
    name = g.regions.admin_names.get(code)
    if not name:
        return None
    cc = code.split(".")[0]
    country = g.regions.country_names.get(cc, cc)
    if cc == "US":
        return name
    core = name
    for word in (" Oblast", " Province", " Region", " Governorate", " Prefecture", " State"):
        core = core.replace(word, "")
    return rnd.choice([f"the {core} region", f"{name}, {country}", f"{country}'s {core} region"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="cases per generated set")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    started = time.perf_counter()
    analyzer = get_analyzer(gazetteer_path=os.environ.get("SOURCEMARK_GAZETTEER") or None)
    g = analyzer.gazetteer

    def analyze(text):
        return analyzer.analyze(text)

    def show(*parts):
        if args.verbose:
            print("   ", *parts)

    # -- honest names ----------------------------------------------------------------------------
    honest_total = honest_alarms = 0
    with open(ROOT / "eval" / "data" / "honest_sentences.txt", encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    for line in lines:
        spans, text, pos = [], "", 0
        for m in MARK.finditer(line):
            text += line[pos : m.start()]
            spans.append((len(text), len(text) + len(m.group(1))))
            text += m.group(1)
            pos = m.end()
        text += line[pos:]
        report = analyze(text)
        for a, b in spans:
            honest_total += 1
            bad = [f for f in finding_on(report, a, b) if f.severity in ("warning", "caution")]
            if bad:
                honest_alarms += 1
                show("false alarm:", text[a:b], bad[0].code, "|", text)
    try:
        import trafilatura
    except ImportError:  # pragma: no cover
        trafilatura = None
    pages_total = pages_alarms = 0
    if trafilatura is not None:
        for path in sorted(glob.glob(str(ROOT / "tests" / "fixtures" / "pages" / "*.html"))):
            with open(path, encoding="utf-8") as f:
                text = trafilatura.extract(f.read()) or ""
            report = analyze(text)
            pages_total += len(report.places)
            bad = [f for f in report.findings if f.type == "place" and f.severity in ("warning", "caution")]
            pages_alarms += len(bad)
            for f in bad:
                show("false alarm (page):", text[f.span.start : f.span.end], f.code, Path(path).name)

    # True claims: "X, a town in <its own division>".
    true_total = true_alarms = 0
    for i in town_sample(g, rnd, args.n, 5_000, min_len=5):
        phrase = division_phrase(g, g.admin_code(i), rnd)
        if phrase is None:
            continue
        x = g.name(i)
        text = rnd.choice(CLAIM_TEMPLATES).format(X=x, R=phrase)
        report = analyze(text)
        a = text.index(x)
        true_total += 1
        bad = [f for f in finding_on(report, a, a + len(x)) if f.severity in ("warning", "caution")]
        if bad:
            true_alarms += 1
            show("false alarm (true claim):", text, bad[0].code)

    # -- misspellings ----------------------------------------------------------------------------
    typo_total = caught = top3 = 0
    for i in town_sample(g, rnd, args.n * 3, 15_000):
        if typo_total >= args.n:
            break
        name = g.name(i)
        edits = rnd.choice((1, 2))
        typo = mutate(name, edits, rnd)
        key = normalize(typo)
        if key == normalize(name) or g.ids_for_key(key) or g.regions.resolve(key) or len(typo) < 5:
            continue
        template = rnd.choice(TYPO_TEMPLATES)
        region = division_phrase(g, g.admin_code(i), rnd) or g.regions.country_names.get(g.country_code(i), "")
        text = template.replace("{REGION}", region).replace(
            "{COUNTRY}", g.regions.country_names.get(g.country_code(i), "")
        )
        a = text.index("{X}")
        text = text.replace("{X}", typo)
        typo_total += 1
        report = analyze(text)
        hits = finding_on(report, a, a + len(typo), {"place.misspelled"})
        if hits:
            caught += 1
            ids = [s["geonameid"] for s in hits[0].details.get("suggestions", [])[:3]]
            if int(g.gid[i]) in ids:
                top3 += 1
            else:
                show("wrong suggestions:", typo, "for", name, [s["name"] for s in hits[0].details["suggestions"][:3]])
        else:
            seen = any(p.span.start <= a < p.span.end for p in report.places)
            from rapidfuzz.distance import OSA

            d = OSA.distance(normalize(typo), normalize(name))
            show("missed typo:", typo, "for", name, f"d={d}", "(found, not backed)" if seen else "(not listed)", "|", text)

    # Misspellings of the honest sentences' own names, in their own sentences (real news context).
    news_total = news_caught = news_top3 = 0
    for line in lines:
        for m in MARK.finditer(line):
            name = m.group(1)
            if not re.fullmatch(r"[A-Z][a-z]{5,}", name):
                continue
            truth = set(g.exact(name))
            typo = unreal_typo(g, name, rnd) if truth else None
            if typo is None:
                continue
            text = MARK.sub(lambda k: k.group(1), line[: m.start()]) + typo + MARK.sub(lambda k: k.group(1), line[m.end() :])
            a = len(MARK.sub(lambda k: k.group(1), line[: m.start()]))
            news_total += 1
            flagged, suggested = typo_verdict(g, analyze(text), a, typo, truth)
            news_caught += flagged
            news_top3 += suggested
            if not flagged:
                show("missed typo (news):", typo, "for", name, "|", text)
            elif not suggested:
                show("wrong suggestions (news):", typo, "for", name)

    # -- articles2: hard real names in many outlets' styles, and their misspellings --------------
    arnd = random.Random(args.seed + 1)  # its own stream: the other sets stay as they were
    art_lines, art_total, art_alarms, art_not_total, art_not_alarms = honest_set(
        "honest_articles2.txt", "articles2", analyze, show
    )
    art_typo_total = art_typo_caught = art_typo_top3 = 0
    for line in art_lines:
        text, spans = unmark(line)
        for a, b, is_place in spans:
            name = text[a:b]
            if not is_place or not re.fullmatch(r"[A-Z][a-z]{5,}", name):
                continue
            truth = set(g.exact(name))
            typo = unreal_typo(g, name, arnd) if truth else None
            if typo is None:
                continue
            art_typo_total += 1
            flagged, suggested = typo_verdict(g, analyze(text[:a] + typo + text[b:]), a, typo, truth)
            art_typo_caught += flagged
            art_typo_top3 += suggested
            if not flagged:
                show("missed typo (articles2):", typo, "for", name)
            elif not suggested:
                show("wrong suggestions (articles2):", typo, "for", name)

    # -- districts: sub-places of cities GeoNames lacks, and firms that look like places ----------
    _, dis_total, dis_alarms, dis_not_total, dis_not_alarms = honest_set(
        "honest_districts.txt", "districts", analyze, show
    )

    # -- wrong regions ---------------------------------------------------------------------------
    wrong_total = wrong_caught = 0
    admin_by_country: dict[str, list[str]] = {}
    for code in g.regions.admin_names:
        admin_by_country.setdefault(code.split(".")[0], []).append(code)
    for i in town_sample(g, rnd, args.n * 2, 5_000, min_len=5):
        if wrong_total >= args.n:
            break
        x = g.name(i)
        same_name = g.exact(x)
        choices = [
            c for c in admin_by_country.get(g.country_code(i), [])
            if not any(g.admin_code(j) == c for j in same_name)
        ]
        if not choices:
            continue
        code = rnd.choice(choices)
        wrong = g.regions.resolve(g.regions.admin_names[code])
        if wrong is None or g.distance_to_region_km(i, wrong) is None or g.distance_to_region_km(i, wrong) < 50:
            continue
        phrase = division_phrase(g, code, rnd)
        text = rnd.choice(CLAIM_TEMPLATES).format(X=x, R=phrase)
        wrong_total += 1
        report = analyze(text)
        a = text.index(x)
        if finding_on(report, a, a + len(x), {"place.wrong_region"}):
            wrong_caught += 1
        else:
            show("missed wrong region:", text)

    def pct(a, b):
        return f"{a}/{b} = {100.0 * a / b:.1f}%" if b else f"{a}/{b}"

    total_honest = honest_total + pages_total
    print("Sourcemark place evaluation (seed %d, %d cases per generated set)" % (args.seed, args.n))
    print(f"false alarms on real place names (warning/caution)   {pct(honest_alarms + pages_alarms, total_honest)}   target <= 1%")
    print(f"  in honest sentences                                {pct(honest_alarms, honest_total)}")
    print(f"  in the eight real pages (place mentions)           {pct(pages_alarms, pages_total)}")
    print(f"misspellings caught (1-2 edits, 6+ letters)          {pct(caught, typo_total)}   target >= 90%")
    print(f"right place in the top 3 suggestions (of caught)     {pct(top3, caught)}   target >= 85%")
    print(f"  misspelt names in the honest sentences themselves  caught {pct(news_caught, news_total)}, "
          f"top 3 {pct(news_top3, news_caught)}")
    print(f"articles2: real place names flagged                 {pct(art_alarms, art_total)}   target <= 1%")
    print(f"  place-named people/clubs/firms/streets flagged     {pct(art_not_alarms, art_not_total)}")
    print(f"  their misspellings caught                          {pct(art_typo_caught, art_typo_total)}, "
          f"top 3 {pct(art_typo_top3, art_typo_caught)}")
    print("  (first run, before the changes made for it: 0/177, 0/15, caught 38/55 = 69.1%, top 3 38/38)")
    print(f"districts: real sub-places/villages flagged          {pct(dis_alarms, dis_total)}   target <= 1%")
    print(f"  firms/people that look like places flagged         {pct(dis_not_alarms, dis_not_total)}")
    print("  (first run, before the changes made for it: 10/87, 1/8)")
    print(f"wrong-region claims caught                           {pct(wrong_caught, wrong_total)}   target >= 90%")
    print(f"false alarms on true region claims                   {pct(true_alarms, true_total)}   target 0")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
