"""The briefing's chain section: each chain's standings in a sentence, its gap nodes with their targets."""

from luoshi.briefings.content import build_briefing
from luoshi.briefings.outline import Heading, Paragraph, Table, outline
from luoshi.chains import editing
from luoshi.chains.briefing import section


def test_the_section_counts_standings_and_lists_the_gaps(plan, chain, mapped, analyst):
    editing.set_standing(analyst, mapped["recycling"], "weak")
    found = section(plan)
    assert found.paragraphs == ["测试新材料产业链产业链:环节 4 个,其中强 2 个、弱 1 个、缺 1 个(分析员认定 1 个,"
                                "其余为依链上企业提出的建议);链主企业:测试电池有限公司。"]
    assert found.rows == [["测试新材料产业链", "上游/电池/负极", "缺(建议)", 0, "外地测试材料公司"],
                          ["测试新材料产业链", "下游/回收", "弱", 0, ""]]


def test_the_briefing_carries_the_section_under_its_own_heading(plan, chain, mapped):
    blocks = outline(build_briefing(plan, "2023"))
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "产业链(补链强链)")
    assert isinstance(blocks[at + 1], Paragraph) and isinstance(blocks[at + 2], Table)
    assert blocks[at + 2].cells()[0][:3] == ["测试新材料产业链", "上游/电池/负极", "缺(建议)"]


def test_a_plan_without_chains_has_no_chain_section(plan):
    assert section(plan).paragraphs == []
    assert not any(getattr(b, "text", "") == "产业链(补链强链)" for b in outline(build_briefing(plan, "2023")))
