"""The demo's units: Henan from the shipped divisions, Zhengzhou's zones and departments from its file."""

from luoshi.demo import loader
from luoshi.units.importing import import_divisions
from luoshi.units.models import Unit


def test_the_demo_holds_every_city_of_henan_and_the_citys_own_units(units):
    henan = units["河南省"]
    assert henan.children.count() == 18 and units["开封市"].parent == henan
    gxq = units["郑州高新技术产业开发区"]
    assert gxq.kind == Unit.Kind.ZONE and gxq.display_name == "高新区" and gxq.path == "/410000/410100/410100.gxq/"
    assert units["金水区"].display_name == "金水区" and units["金水区"].short_name == "金水"
    assert [u.name for u in Unit.objects.filter(parent__code="410100")][:2] == ["中原区", "二七区"]


def test_importing_henan_again_on_the_demo_changes_nothing(units):
    assert not import_divisions("410000").changed
    assert loader.load_units() == Unit.objects.count()
