"""The gazetteer: GeoNames places and regions, exact and fuzzy lookup, loaded from a compact index.

    gazetteer = Gazetteer.load()          # once per process; builds the index if missing or stale
    gazetteer.exact("SevSk")              # place ids whose name or alternate name is "sevsk"
    gazetteer.fuzzy("Severodonnetsk")     # near misses (NearMiss: key, distance, ids), best first
    gazetteer.regions.resolve("the Donetsk region")
    gazetteer.record(i)                   # {name, country, admin1, lat, lon, geonameid, ...}
    gazetteer.zipf("Carter")              # 4.35: a known English word or name

Modules: `names` (normalisation), `regions` (countries, divisions, the own region table),
`index` (building the compact file and where it lives), `lookup` (the `Gazetteer` itself).
This package imports nothing from the analyses.
"""

from .index import build_index, index_path
from .lookup import DESCRIPTION, Gazetteer, NearMiss, ensure_index, haversine_km
from .names import admin_core, normalize, romanised_country, translit_skeleton
from .regions import DIRECTIONS, TYPE_WORDS, Region, RegionTable

__all__ = [
    "DESCRIPTION", "DIRECTIONS", "TYPE_WORDS", "Gazetteer", "NearMiss", "Region", "RegionTable",
    "admin_core", "build_index", "ensure_index", "haversine_km", "index_path", "normalize",
    "romanised_country", "translit_skeleton",
]
