"""Short plan texts written for these tests, in the style of a city's work report."""

import pytest

from luoshi.review.drafting import create_plan_from_text

PLAN_TEXT = (
    "2024年东城市政府工作报告\n"
    "一、经济发展\n"
    "全年地区生产总值增长6%左右。确保固定资产投资完成1200亿元。\n"
    "二、科技创新\n"
    "力争高新技术企业总数突破800家。\n"
)


@pytest.fixture
def plan_text() -> str:
    return PLAN_TEXT


@pytest.fixture
def draft(analyst, units):
    """A draft plan made from PLAN_TEXT by the analyst, with the extractor's proposals pending."""
    return create_plan_from_text(analyst, title="东城市2024年目标", year=2024, region="东城",
                                 issuer=units["郑州市"], text=PLAN_TEXT)
