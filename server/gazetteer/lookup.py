"""Lookup in the compact index: exact and blocked fuzzy lookup of names, places' records,
regions, distances, and the Zipf frequency of English words.

The index itself (format, building, location) lives in `index`.
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .. import datafiles
from . import index as gi
from .names import normalize
from .regions import Region, RegionTable

DESCRIPTION = "GeoNames cities500, countries and first-order divisions (geonames.org, CC BY 4.0)"
EARTH_KM = 6371.0
_build_lock = threading.Lock()


@dataclass(frozen=True)
class NearMiss:
    key: str  # the gazetteer name matched
    distance: int  # optimal-string-alignment distance to the looked-up name
    ids: tuple  # place ids carrying that name


def ensure_index(path: str | os.PathLike | None = None) -> Path:
    """The index path, building the index first if it is missing, stale or of an old format."""
    target = Path(path) if path else gi.index_path()
    if not gi.is_current(target):
        with _build_lock:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Workers starting together build once: the others wait on the lock, then load.
            with open(target.with_name(target.name + ".lock"), "w") as lock:
                try:
                    import fcntl

                    fcntl.flock(lock, fcntl.LOCK_EX)
                except ImportError:  # pragma: no cover (not POSIX)
                    pass
                if not gi.is_current(target):
                    gi.build_index(target)
    return target


class Gazetteer:
    def __init__(self, arrays: dict, meta: dict, path: Path):
        self.path = path
        self.description = DESCRIPTION
        self.meta = meta
        # Decoded straight from the arrays' buffers, and the raw bytes let go at once: a copy of
        # each would raise the worker's peak memory by ~10 MB.
        keys = str(arrays.pop("keys").data, "ascii").split("\n")
        self._keys = keys
        self._names = str(arrays.pop("names").data, "utf-8").split("\n")
        self._post_off = arrays["post_off"]
        self._post_ids = arrays["post_ids"]
        self.gid = arrays["gid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.pop = arrays["pop"]
        self.cc = arrays["cc"]
        self.adm = arrays["adm"]
        self._place_keys_off = arrays["place_keys_off"]
        self._place_keys = arrays["place_keys"]
        # For each blocking: the order of the names and where each block starts; the names of a
        # block are listed on first use (most blocks are never used by a worker).
        self._blocks = {name: (arrays[f"perm_{name}"], arrays[f"starts_{name}"]) for name in gi.BLOCKINGS}
        self._block_names: dict[tuple[str, int], list[str]] = {}
        self._masks: dict[frozenset, np.ndarray] = {}
        self.country_codes: list[str] = meta["country_codes"]
        self.admin_codes: list[str] = meta["admin_codes"]
        self._adm_index = {code: n for n, code in enumerate(self.admin_codes)}
        self._cc_index = {code: n for n, code in enumerate(self.country_codes)}
        # Each first-level division's summed population (`division_population`).
        self._adm_pop = np.bincount(self.adm, weights=self.pop.astype(np.float64), minlength=len(self.admin_codes))
        self.regions = RegionTable.from_json(meta["regions"])
        self._word_keys = arrays["word_keys"]
        self._word_zipf = arrays["word_zipf"]
        self._trigrams = arrays["trigrams"]
        self._trigram_counts = arrays["trigram_counts"]

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Gazetteer":
        """Load the compact index at `path` (default: the user cache), building it if needed."""
        target = ensure_index(path)
        with np.load(target, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        meta = gi.read_meta(target) if "meta" not in arrays else _meta(arrays["meta"])
        return cls(arrays, meta, target)

    # -- exact lookup ---------------------------------------------------------------------------

    def _find(self, key: str) -> int:
        keys = self._keys
        lo, hi = 0, len(keys)
        while lo < hi:  # bisect over the sorted keys
            mid = (lo + hi) // 2
            if keys[mid] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(keys) and keys[lo] == key else -1

    def ids_for_key(self, key: str) -> list[int]:
        """Places of this normalised name; a name opening with an abbreviation ("mt vernon")
        also finds the name spelt out ("mount vernon"), which GeoNames may list alone."""
        ids = self._ids_of(key)
        first, _, rest = key.partition(" ")
        full = _abbreviations().get(first) if rest else None
        if full:
            ids = ids + [i for i in self._ids_of(f"{full} {rest}") if i not in ids]
        return ids

    def _ids_of(self, key: str) -> list[int]:
        k = self._find(key)
        if k < 0:
            return []
        return self._post_ids[self._post_off[k] : self._post_off[k + 1]].tolist()

    def exact(self, name: str) -> list[int]:
        """Places whose main or alternate name is `name` (normalised), most populous first."""
        ids = self.ids_for_key(normalize(name))
        return sorted(ids, key=lambda i: -int(self.pop[i]))

    # -- English words ------------------------------------------------------------------------

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency of an English word (0 for a word nobody writes): "Carter"
        4.4, "Nollywood" 2.5, "Lodnon" 0. A name of several words counts by its rarest word,
        initials apart ("Oakland A" is as known as "Oakland")."""
        parts = normalize(word).split()
        if len(parts) > 1:
            parts = [p for p in parts if len(p) > 1] or parts
        if not parts:
            return 0.0
        return min(self._zipf_of_key(p) for p in parts)

    def _zipf_of_key(self, key: str) -> float:
        try:
            raw = key.encode("ascii")
        except UnicodeEncodeError:
            return 0.0
        if len(raw) > gi.WORD_MAX_LEN:
            return 0.0
        k = int(np.searchsorted(self._word_keys, raw))
        if k < len(self._word_keys) and self._word_keys[k] == raw:
            return int(self._word_zipf[k]) / 10
        return 0.0

    def unseen_trigrams(self, name: str) -> list[str]:
        """The letter trigrams of `name` that no place's main name holds, edges marked ("^" a
        word's start, "$" its end): "Rfchmodn" -> ["dn$"], "Mabvuku" -> ["abv", "bvu"],
        "Podliska" -> []."""
        return [tri for tri, _ in self.rare_trigrams(name, 0)]

    def rare_trigrams(self, name: str, at_most: int) -> list[tuple[str, int]]:
        """The letter trigrams of `name` that at most `at_most` places' main names hold, each
        with that number, edges marked as in `unseen_trigrams`."""
        out: list[tuple[str, int]] = []
        seen: set[str] = set()
        for tri in gi.letter_trigrams(normalize(name)):
            if tri in seen:
                continue
            seen.add(tri)
            raw = tri.encode("ascii", "replace")
            k = int(np.searchsorted(self._trigrams, raw))
            n = int(self._trigram_counts[k]) if k < len(self._trigrams) and self._trigrams[k] == raw else 0
            if n <= at_most:
                out.append((tri, n))
        return out

    def rarest_trigram(self, name: str) -> int:
        """How many places' main names hold the rarest letter trigram of `name` (edges marked as
        in `unseen_trigrams`): "Pcalair" 3 ("^pc"), "Calais" 627 ("ais"), "Lanexa" and
        "Lenexa" 44 ("xa$"). Typing slips make rare letter runs; real names, other names' runs."""
        memo = self.__dict__.setdefault("_rarest_memo", {})
        found = memo.get(name)
        if found is None:
            counts = [n for _, n in self.rare_trigrams(name, 1 << 30)]
            found = min(counts) if counts else 0
            if len(memo) > 100_000:
                memo.clear()
            memo[name] = found
        return found

    # -- fuzzy lookup ---------------------------------------------------------------------------

    def fuzzy(self, name: str, max_distance: int = 2, limit: int = 50) -> list[NearMiss]:
        """Names within `max_distance` edits of `name`, closest first.

        Candidates come by optimal string alignment distance (a swap of two letters is one edit;
        fast with a cutoff) and are ranked by it, then population. Blocking: names
        of the same first letter and a length within `max_distance`, plus, for a typo in the
        first letter, names whose letters 2-3 fit a replaced, dropped, added or swapped first
        letter, and, for two edits, names of the same last two letters (both edits among the
        first letters: "Hnauston" for Houston). About a millisecond over 600k names.
        """
        key = normalize(name)
        if len(key) < 3:
            return []
        q = key + "    "
        n = len(key)
        m = max_distance
        probes = {  # (blocking, letter pair, shortest, longest) for each kind of early edit
            ("01", q[0:2], n - m, n + m),  # first two letters intact (edits further on)
            ("12", q[1:3], n - m, n + m),  # first letter replaced
            ("12", q[0:2], n, n + m),  # first letter dropped
            ("01", q[1:3], n - m, n),  # a letter added in front
            ("01", q[1] + q[0], n - m, n + m),  # first two letters swapped
            ("02", q[0] + q[2], n - m, n + m),  # second letter replaced
            ("02", q[0] + q[1], n, n + m),  # second letter dropped
            ("01", q[0] + q[2], n - m, n),  # a letter added second, or letters 2-3 swapped
        }
        if m >= 2 and n >= 6:  # two edits among the first letters of a longer name
            probes |= {("03", q[0] + q[3], n - 1, n + 1), ("23", q[2:4], n - 1, n + 1)}
        if m >= 2 and n >= 5:  # two edits anywhere before the last two letters
            probes.add(("end", key[-2:], n - m, n + m))
        blocks = []
        for name, pair, lo, hi in probes:
            perm, starts = self._blocks[name]
            base = gi.bucket2(pair, 0)
            blocks.append((name, perm, starts, base, lo, hi))
        # Optimal string alignment: a swap of two neighbours is one edit ("Hosutno" is two
        # edits from Houston), and it costs no more than Levenshtein with a cutoff.
        cutoff = max_distance
        found: dict[int, int] = {}
        for name, perm, starts, base, lo, hi in blocks:
            a = int(starts[base + max(lo, 0)])
            b = int(starts[base + min(hi, gi.MAX_LEN) + 1])
            if a >= b:
                continue
            names = self._names_between(name, perm, starts, base + max(lo, 0), base + min(hi, gi.MAX_LEN))
            for _, dist, j in process.extract(
                key, names, scorer=OSA.distance, score_cutoff=cutoff, limit=200
            ):
                if dist > 0:
                    k = int(perm[a + j])
                    found[k] = dist
        misses = []
        for k, d in found.items():
            ids = self._post_ids[self._post_off[k] : self._post_off[k + 1]]
            misses.append((d, -int(self.pop[ids].max()), self._keys[k], tuple(ids.tolist())))
        misses.sort()
        return [NearMiss(key_, d, ids) for d, _, key_, ids in misses[:limit]]

    def _names_between(self, blocking: str, perm, starts, first: int, last: int) -> list[str]:
        """The names of buckets first..last of a blocking, in block order (cached per bucket)."""
        out: list[str] = []
        for bucket in range(first, last + 1):
            cached = self._block_names.get((blocking, bucket))
            if cached is None:
                ids = perm[starts[bucket] : starts[bucket + 1]].tolist()
                cached = self._block_names[(blocking, bucket)] = [self._keys[k] for k in ids]
            out.extend(cached)
        return out

    # -- places ---------------------------------------------------------------------------------

    def names_of(self, i: int) -> list[str]:
        """Every normalised name of place i (main and alternate)."""
        a, b = self._place_keys_off[i], self._place_keys_off[i + 1]
        return [self._keys[k] for k in self._place_keys[a:b].tolist()]

    def country_code(self, i: int) -> str:
        return self.country_codes[self.cc[i]]

    def admin_code(self, i: int) -> str:
        return self.admin_codes[self.adm[i]]

    def name(self, i: int) -> str:
        return self._names[i]

    def record(self, i: int) -> dict:
        """The API's form of a place, with readable country and division names and a link."""
        cc = self.country_code(i)
        adm = self.admin_code(i)
        gid = int(self.gid[i])
        return {
            "name": self._names[i],
            "country": self.regions.country_names.get(cc, cc),
            "admin1": self.regions.admin_names.get(adm, ""),
            "lat": round(float(self.lat[i]), 5),
            "lon": round(float(self.lon[i]), 5),
            "geonameid": gid,
            "country_code": cc,
            "admin1_code": adm,
            "population": int(self.pop[i]),
            "url": f"https://www.geonames.org/{gid}",
        }

    def region_record(self, region: Region) -> dict:
        """The API's form of a country, division or region (no single point: lat/lon are None)."""
        codes = sorted(region.codes)
        code = codes[0] if len(codes) == 1 else None
        country = self.regions.country_names.get(code.split(".")[0], "") if code else ""
        gid = self.regions.geonameids.get(code) if code else None
        return {
            "name": region.name,
            "country": country,
            "admin1": self.regions.admin_names.get(code, "") if code and "." in code else "",
            "lat": None,
            "lon": None,
            "geonameid": gid,
            "kind": region.kind,
            "url": f"https://www.geonames.org/{gid}" if gid else None,
        }

    def in_region(self, i: int, region: Region) -> bool:
        return region.contains(self.country_code(i), self.admin_code(i))

    def region_mask(self, region: Region) -> np.ndarray:
        """Which places lie in the region (cached: articles name few regions, often)."""
        mask = self._masks.get(region.codes)
        if mask is None:
            if len(self._masks) > 256:
                self._masks.clear()
            mask = self._masks[region.codes] = self._region_mask(region)
        return mask

    def _region_mask(self, region: Region) -> np.ndarray:
        adm_ok = [self._adm_index[c] for c in region.codes if c in self._adm_index]
        cc_ok = [self._cc_index[c] for c in region.codes if c in self._cc_index]
        return np.isin(self.adm, adm_ok) | np.isin(self.cc, cc_ok)

    def division_population(self, region: Region) -> int:
        """The summed population of the places GeoNames lists in the region's first-level
        divisions (0 for a whole country or a region of no division): how much a division
        weighs against a town of its name."""
        return int(sum(self._adm_pop[self._adm_index[c]] for c in region.codes if "." in c and c in self._adm_index))

    def distance_to_region_km(self, i: int, region: Region) -> float | None:
        """Distance from place i to the nearest known place of the region (None if it has none)."""
        mask = self.region_mask(region)
        if not mask.any():
            return None
        d = haversine_km(float(self.lat[i]), float(self.lon[i]), self.lat[mask], self.lon[mask])
        return float(d.min())

    def distance_km(self, i: int, j: int) -> float:
        return float(haversine_km(float(self.lat[i]), float(self.lon[i]), self.lat[j], self.lon[j]))


@lru_cache(maxsize=None)
def _abbreviations() -> dict[str, str]:
    return {short: full for short, full in datafiles.rows("gazetteer/name_abbreviations.tsv")}


def haversine_km(lat1, lon1, lat2, lon2):
    lat1, lon1 = math.radians(lat1), math.radians(lon1)
    lat2 = np.radians(np.asarray(lat2, dtype=np.float64))
    lon2 = np.radians(np.asarray(lon2, dtype=np.float64))
    a = np.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _meta(raw) -> dict:
    import json

    return json.loads(bytes(raw).decode("utf-8"))
