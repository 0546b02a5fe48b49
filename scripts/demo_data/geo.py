"""Small plane-geometry helpers for placing reports near one another (GCJ-02 degrees)."""

import math

EARTH_RADIUS_M = 6_371_000.0


def offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    """The point `north_m` metres north and `east_m` metres east of (lat, lon)."""
    dlat = north_m / EARTH_RADIUS_M * 180.0 / math.pi
    dlon = east_m / (EARTH_RADIUS_M * math.cos(math.radians(lat))) * 180.0 / math.pi
    return (lat + dlat, lon + dlon)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def between(a: tuple[float, float], b: tuple[float, float], f: float) -> tuple[float, float]:
    """The point a fraction `f` of the way from a to b."""
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
