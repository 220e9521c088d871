"""The briefing's attraction part: the leads rolled up by 专班 against the plan's 招商引资 target and the
bureau's figure, and "三个一批"."""

import datetime as dt
from decimal import Decimal

from luoshi.briefings.content import build_briefing
from luoshi.briefings.outline import Heading, Paragraph, Table, outline
from luoshi.figures.entries import Entry
from luoshi.figures.submission import submit

D = dt.date


def test_the_briefing_states_attraction_beside_the_target(plan, make_lead):
    make_lead("通报一号", talks=D(2023, 2, 1), signed=D(2023, 3, 1), landed=D(2023, 4, 1), started=D(2023, 5, 1),
              signed_amount=Decimal("120.5"))
    make_lead("通报二号", "二七区", talks=D(2023, 2, 1))
    submit(None, [Entry(row=1, series="招商引资签约总额", unit="410100", period="2023", value=Decimal(7797),
                        source="测试来源")], channel="import", today=D(2024, 3, 1))
    blocks = outline(build_briefing(plan, "2023"))
    start = blocks.index(Heading("招商引资(按专班汇总)", 2))
    sentence = blocks[start + 1].text
    assert "在库招商项目 2 个,本期签约 1 个、签约额 120.5 亿元,开工 1 个" in sentence
    assert "目标 7,000 亿元的 1.7%" in sentence and "商务部门报数 7,797 亿元,差额(报数 − 签约额)7,676.5 亿元" in sentence
    assert isinstance(blocks[start + 2], Paragraph) and "签约一批 1 个、开工一批 1 个、投产一批 0 个" in blocks[start + 2].text
    table = blocks[start + 3]
    assert isinstance(table, Table) and table.rows == [["测试一专班", 2, 1, 120.5, 1, 0, 1.0, 0.0]]


def test_no_lead_and_no_target_no_section(plan):
    plan.targets.filter(series__name="招商引资签约总额").update(archived=True)
    assert Heading("招商引资(按专班汇总)", 2) not in outline(build_briefing(plan, "2023"))
