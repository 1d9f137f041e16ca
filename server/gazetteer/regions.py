"""Region names: countries, first-order divisions and the project's own region table.

A `Region` is a set of GeoNames codes, each a whole country ("UA") or a first-order division
("UA.05"). `RegionTable.resolve("the Donetsk region")` gives the region a phrase names, or None.
The forms of a division: its GeoNames names, its core name with a type word ("Donetsk region",
"Donetsk Oblast", "Donetsk province") and the other spellings of the city it is named after
("Kharkov region"); countries add the aliases in data/places/country_aliases.tsv; the table
data/places/regions.json adds regions GeoNames lacks as one unit (Donbas, Crimea, West Bank…).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import datafiles
from .names import admin_core, normalize

ADMIN1_FILE = datafiles.path("geonames/admin1CodesASCII.txt")
TYPE_WORDS = datafiles.ordered("gazetteer/region_type_words.txt")
DIRECTIONS = datafiles.ordered("gazetteer/directions.txt")
_DIRECTIONS_LONGEST_FIRST = tuple(sorted(DIRECTIONS, key=len, reverse=True))
_COMPASS = dict(datafiles.rows("gazetteer/compass_words.tsv"))

RegionKind = Literal["country", "admin1", "region"]


@dataclass(frozen=True)
class Region:
    name: str
    codes: frozenset  # "CC" for a whole country, "CC.ADMIN1" for a division
    kind: RegionKind  # a country, a first-order division, or a region of the own table

    @property
    def country(self) -> str | None:
        """The country this names as a whole ("Georgia" names one, as well as a US state)."""
        return next((c for c in sorted(self.codes) if "." not in c), None)

    def contains(self, country: str, admin_code: str) -> bool:
        return country in self.codes or admin_code in self.codes


def _merge(a: Region | None, b: Region) -> Region:
    if a is None:
        return b
    return Region(a.name, a.codes | b.codes, a.kind if a.kind == b.kind else "region")


class RegionTable:
    def __init__(
        self, countries: dict[str, dict], admin_aliases: dict[str, list[str]],
        counties: list[tuple[str, str]] = (),
    ):
        self.by_key: dict[str, Region] = {}  # any phrase naming a region
        self.admin_by_core: dict[str, Region] = {}  # a division's core name ("donetsk")
        self.country_names: dict[str, str] = {}  # code -> English name
        self.admin_names: dict[str, str] = {}  # "UA.05" -> "Donetsk Oblast"
        self.geonameids: dict[str, int] = {}  # "UA" or "UA.05" -> GeoNames id
        for code, info in countries.items():
            self.country_names[code] = info["name"]
            if info.get("geonameid"):
                self.geonameids[code] = int(info["geonameid"])
            self._add(info["name"], Region(info["name"], frozenset([code]), "country"))
        for alias, code in datafiles.rows("gazetteer/country_aliases.tsv"):
            if code in self.country_names:
                self._add(alias, Region(self.country_names[code], frozenset([code]), "country"))
        with ADMIN1_FILE.open(encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    continue
                code, name, ascii_name = parts[0], parts[1], parts[2]
                if len(parts) > 3 and parts[3].isdigit():
                    self.geonameids[code] = int(parts[3])
                self.admin_names[code] = _display_admin(code, name)
                region = Region(self.admin_names[code], frozenset([code]), "admin1")
                forms = {name, ascii_name}
                for form in list(forms):  # "Nord Kivu" is written "North Kivu" in English
                    first, _, rest = form.partition(" ")
                    english = _COMPASS.get(first.lower(), "").title() if first.lower() in ("nord", "sud", "norte", "sur") else ""
                    if english and rest:
                        forms.add(f"{english} {rest}")
                for form in forms:
                    self._add(form, region)
                cores = {admin_core(name), admin_core(ascii_name)}
                cores.update(admin_aliases.get(code, ()))  # already normalised
                for core in list(cores):  # "North Darfur" is also part of "Darfur"
                    for direction in (*DIRECTIONS, *(w for w in _COMPASS if w not in DIRECTIONS)):
                        if core.startswith(direction + " ") and len(core) > len(direction) + 4:
                            cores.add(core[len(direction) + 1 :])
                for core in cores:
                    if len(core) >= 3:
                        merged = _merge(self.admin_by_core.get(core), region)
                        if len(merged.codes) > 1:  # "Darfur": all its states, named as written
                            merged = Region(core.title(), merged.codes, merged.kind)
                        self.admin_by_core[core] = merged
        for abbr, code in datafiles.rows("gazetteer/us_state_abbreviations.tsv"):
            self._add(abbr, Region(self.admin_names.get(code, code), frozenset([code]), "admin1"))
        # US counties and parishes ("Walker County", "Rapides Parish"), as the states they lie
        # in: a county names the article's world, and a claim "X, Walker County" is checked
        # at the state. Several states may have a county of one name.
        by_county: dict[str, Region] = {}
        for name, code in counties:
            key = _strip_the(normalize(name))
            if key in self.by_key:
                continue
            region = Region(name, frozenset([code]), "region")
            by_county[key] = _merge(by_county.get(key), region)
        self.by_key.update(by_county)
        table = datafiles.json("gazetteer/regions.json")
        for entry in table["regions"]:
            region = Region(entry["name"], frozenset(entry["codes"]), "region")
            for form in [entry["name"], *entry.get("aliases", [])]:
                key = _strip_the(normalize(form))
                # The own table is the more specific: it replaces, not merges with, GeoNames forms.
                self.by_key[key] = region

    def to_json(self) -> dict:
        """A plain form stored in the compact index, so that a worker need not rebuild the table."""
        regions: list[Region] = []
        index: dict[Region, int] = {}

        def ref(r: Region) -> int:
            if r not in index:
                index[r] = len(regions)
                regions.append(r)
            return index[r]

        return {
            "by_key": {k: ref(r) for k, r in self.by_key.items()},
            "admin_by_core": {k: ref(r) for k, r in self.admin_by_core.items()},
            "regions": [[r.name, sorted(r.codes), r.kind] for r in regions],
            "country_names": self.country_names,
            "admin_names": self.admin_names,
            "geonameids": self.geonameids,
        }

    @classmethod
    def from_json(cls, data: dict) -> "RegionTable":
        table = cls.__new__(cls)
        regions = [Region(name, frozenset(codes), kind) for name, codes, kind in data["regions"]]
        table.by_key = {k: regions[i] for k, i in data["by_key"].items()}
        table.admin_by_core = {k: regions[i] for k, i in data["admin_by_core"].items()}
        table.country_names = data["country_names"]
        table.admin_names = data["admin_names"]
        table.geonameids = data["geonameids"]
        return table

    def _add(self, phrase: str, region: Region) -> None:
        key = _strip_the(normalize(phrase))
        if key:
            self.by_key[key] = _merge(self.by_key.get(key), region)

    def resolve(self, phrase: str, country: str | None = None) -> Region | None:
        """The region a phrase names ("the Donetsk region", "eastern Ukraine", "W.Va."), or None.

        `country` (a code) narrows a division name to that country ("Russia's Bryansk region").
        Remembered (bounded): an article asks about the same phrases again and again.
        """
        memo = self.__dict__.setdefault("_memo", {})
        if (phrase, country) in memo:
            return memo[(phrase, country)]
        if len(memo) > 100_000:
            memo.clear()
        memo[(phrase, country)] = found = self._resolve(phrase, country)
        return found

    def _resolve(self, phrase: str, country: str | None) -> Region | None:
        key = _strip_the(normalize(phrase))
        region = self._resolve_key(key)
        if region is None:
            return None
        if country and region.country is None:
            narrowed = frozenset(c for c in region.codes if c.split(".")[0] == country)
            if narrowed:
                return Region(region.name, narrowed, region.kind)
        return region

    def _resolve_key(self, key: str) -> Region | None:
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        if key in self.admin_by_core:
            return self.admin_by_core[key]
        words = key.split()
        if len(words) > 1 and words[-1] in TYPE_WORDS:  # "the Northern Cape region"
            core = " ".join(words[:-1])
            region = self.admin_by_core.get(core) or self.by_key.get(core)
            if region is not None and (region.country is None or words[-1] == "region"):
                return region
        for direction in _DIRECTIONS_LONGEST_FIRST:
            if key.startswith(direction + " "):  # "eastern Ukraine" beyond the own table
                rest = key[len(direction) + 1 :]
                region = self._resolve_key(rest)
                if region is not None and not _other_direction(direction, region.name, rest):
                    return region
        return None


def _other_direction(direction: str, name: str, written: str = "") -> bool:
    """"north Kivu" is not South Kivu: the region's own name points another way.

    A compass word the phrase itself writes is part of the name, not a way pointed:
    "northern South Carolina" is South Carolina (`written` is the phrase after the direction).
    """
    wanted = {v for k, v in _COMPASS.items() if direction.startswith(k)}
    own = set(written.split())
    named = {
        v for w in normalize(name).split() if w not in own
        for k, v in _COMPASS.items() if w.startswith(k) and len(w) <= len(k) + 6
    }
    return bool(named) and not (named & wanted)


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def _display_admin(code: str, name: str) -> str:
    """GeoNames gives "Bryansk Oblast" but plain "Donetsk" for Ukraine; a reader wants the type word."""
    if code.startswith("UA.") and " " not in name and name != "Crimea":
        return f"{name} Oblast"
    return name
