"""{% options %}: a select's options from pairs or names, the chosen one marked, every label escaped."""

from django.template import Context, Template
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from luoshi.core.templatetags.luoshi import options


def rendered(source: str, **context) -> str:
    return Template("{% load luoshi %}" + source).render(Context(context))


def test_pairs_names_and_objects_with_the_chosen_one_marked():
    assert options([("2023M01", "1月"), ("2023M02", "1–2月")], "2023M02") == (
        '<option value="2023M01">1月</option><option value="2023M02" selected>1–2月</option>')
    assert options(["经济发展", "民生"], "民生") == (
        '<option value="经济发展">经济发展</option><option value="民生" selected>民生</option>')
    units = [("410105", "金水区"), ("410103", "二七区")]
    assert rendered("{% options units chosen %}", units=units, chosen="410103") == (
        '<option value="410105">金水区</option><option value="410103" selected>二七区</option>')


def test_a_number_matches_its_text_and_nothing_else_is_chosen():
    assert options([(7, "规划甲"), (8, "规划乙")], "8").count("selected") == 1
    assert options([("", "全部"), ("red", "红")]) == '<option value="" selected>全部</option><option value="red">红</option>'
    assert "selected" not in options([("red", "红")], None)


@given(st.text(), st.text())
def test_every_value_and_label_is_escaped(value, label):
    html = options([(value, label)], value)
    assert html.count("<") == 2 and html.count(">") == 2  # only the tag's own brackets
    assert html.endswith(" selected>" + escape(label) + "</option>")
