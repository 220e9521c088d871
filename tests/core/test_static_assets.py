"""Every asset a page needs ships with the package (vendored, licence kept) and is found by staticfiles."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

TEMPLATES = Path(__file__).resolve().parents[2] / "luoshi" / "templates"


def referenced_assets() -> set[str]:
    found = set()
    for template in TEMPLATES.rglob("*.html"):
        found.update(re.findall(r"{% static '([^']+)' %}", template.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("asset", sorted(referenced_assets()))
def test_templates_reference_only_shipped_assets(asset):
    assert finders.find(asset), f"{asset} is referenced by a template but not shipped"


@pytest.mark.parametrize("library", ["htmx-2.0.11", "echarts-5.6.0"])
def test_vendored_libraries_keep_their_licence(library):
    assert finders.find(f"vendor/{library}/LICENSE")
