"""The reference plan that ships as demo data gives exactly its 12 targets, every field right."""

from pathlib import Path

from luoshi.lib.extract import extract

SEED = Path(__file__).resolve().parents[2] / "luoshi" / "demo" / "data" / "zhengzhou-2023-mayor-interview.txt"
FIELDS = ("indicator", "value", "unit", "kind", "period", "bound", "commitment", "region")

EXPECTED = [
    ("地区生产总值", 7, "%", "growth", "2023", "exact", "", "围绕地区生产总值增长7%这一目标"),
    ("固定资产投资", 7000, "亿元", "level", "2023", "exact", "确保", "确保全年完成固定资产投资7000亿元"),
    ("固定资产投资", 15, "%", "growth", "2023", "min", "确保", "增长15%以上"),
    ("社会消费品零售额", 1500, "亿元", "level", "2023Q1", "min", "确保", "确保一季度社会消费品零售额1500亿元以上"),
    ("社会消费品零售额", 5800, "亿元", "level", "2023", "min", "确保", "全年突破5800亿元"),
    ("社会消费品零售额", 12, "%", "growth", "2023", "exact", "确保", "增长12%"),
    ("招商引资总额", 1800, "亿元", "level", "2023Q1", "min", "力争", "力争一季度招商引资总额1800亿元以上"),
    ("招商引资总额", 7000, "亿元", "level", "2023", "min", "力争", "全年突破7000亿元"),
    ("新建省级以上创新引领型平台", 100, "家", "count", "2023", "exact", "", "推动全年新建省级以上创新引领型平台100家"),
    ("高新技术企业总量", 6000, "家", "count", "2023", "min", "力争", "力争全年高新技术企业总量突破6000家"),
    ("规上工业企业研发活动覆盖率", 70, "%", "share", "2023", "exact", "力争", "规上工业企业研发活动覆盖率达到70%"),
    ("吸引青年人才来郑留郑发展", 100, "万人", "count", "2023-2027", "exact", "力争", "力争五年内吸引100万青年人才来郑留郑发展"),
]


def test_the_seed_plan_gives_its_twelve_targets():
    text = SEED.read_text(encoding="utf-8")
    targets = extract(text)
    assert len(targets) == len(EXPECTED)
    for target, (indicator, value, unit, kind, period, bound, commitment, clause) in zip(targets, EXPECTED, strict=True):
        assert target["indicator"] == indicator
        assert [target[f] for f in FIELDS[1:]] == [value, unit, kind, period, bound, commitment, "郑州"]
        assert clause in target["sentence"]
        start, end = target["span"]
        assert text[start:end] == target["sentence"]


def test_the_seed_targets_carry_their_front_and_accumulation():
    targets = extract(SEED.read_text(encoding="utf-8"))
    fronts = {t["indicator"]: t["front"] for t in targets}
    assert fronts["招商引资总额"] == "经济发展"
    assert fronts["高新技术企业总量"] == "创新引领"
    accumulation = {(t["indicator"], t["value"]): t["accumulation"] for t in targets}
    assert accumulation[("高新技术企业总量", 6000)] == "stock"
    assert accumulation[("新建省级以上创新引领型平台", 100)] == "flow"
    assert accumulation[("吸引青年人才来郑留郑发展", 100)] == "flow"
    assert accumulation[("地区生产总值", 7)] == ""
