"""Editing a plan's text and extracting again never overwrites what the analyst reviewed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from luoshi.review import decisions, publishing
from luoshi.review.highlight import pieces
from luoshi.review.models import Proposal
from luoshi.review.reextraction import edit_text, reanchor, reextract

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(draft, analyst):
    """GDP edited (owner set, value 6.5), investment accepted, high-tech firms rejected."""
    decisions.accept(draft.proposals.get(value=6), analyst, value=Decimal("6.5"), indicator="GDP")
    decisions.accept(draft.proposals.get(value=1200), analyst)
    decisions.reject(draft.proposals.get(value=800), analyst)
    return draft


def test_reanchor_finds_the_nearest_occurrence_or_none():
    assert reanchor("甲乙甲乙甲乙", "甲乙", 3) in (2, 4) and reanchor("甲乙甲乙", "甲乙", 0) == 0
    assert reanchor("甲乙", "丙", 0) is None and reanchor("甲乙", "", 0) is None


def test_extracting_the_same_text_again_adds_nothing(reviewed, analyst):
    result = reextract(reviewed, analyst)
    assert (result.added, result.moved, result.stale, result.dropped) == (0, 0, 0, 0)
    assert reviewed.proposals.count() == 3


def test_moved_clauses_are_reanchored_and_reviewed_fields_kept(reviewed, analyst, plan_text):
    result = edit_text(reviewed, analyst, "（本报告经市人大审议通过）\n" + plan_text)
    assert result.moved == 3 and result.added == 0 and result.stale == 0
    gdp = reviewed.proposals.get(indicator="GDP")
    assert gdp.status == Proposal.Status.EDITED and gdp.target.value == Decimal("6.5")
    for p in reviewed.proposals.all():
        assert reviewed.text[p.span_start:p.span_end] == p.sentence
    for target in reviewed.targets.all():
        assert target.sentence == target.proposals.get().sentence
    assert reviewed.fronts.get(name="科技创新").span_start == reviewed.text.index("二、科技创新")


def test_new_clauses_are_proposed_and_vanished_ones_flagged_stale(reviewed, analyst, plan_text):
    text = plan_text.replace("1200亿元", "1300亿元") + "三、民生保障\n确保城镇新增就业8万人。\n"
    result = edit_text(reviewed, analyst, text)
    fai = reviewed.proposals.get(value=1200)
    assert fai.status == Proposal.Status.STALE and fai.target.value == 1200 and not fai.target.archived
    pending = reviewed.proposals.filter(status=Proposal.Status.PENDING)
    assert sorted(pending.values_list("value", flat=True)) == [8, 1300]
    assert result.added == 2 and result.stale == 1
    assert reviewed.fronts.filter(name="民生保障").exists()
    assert reviewed.proposals.get(value=800).status == Proposal.Status.REJECTED
    assert fai not in [p for piece in pieces(reviewed.text, reviewed.proposals.all()) for p in piece.proposals]


def test_pending_proposals_whose_clause_is_gone_are_dropped(draft, analyst, plan_text):
    result = edit_text(draft, analyst, plan_text.replace("力争高新技术企业总数突破800家。", ""))
    assert result.dropped == 1 and not draft.proposals.filter(value=800).exists()


def test_a_stale_proposal_is_settled_by_editing_its_span(reviewed, analyst, plan_text):
    edit_text(reviewed, analyst, plan_text.replace("1200亿元", "1300亿元"))
    fai = reviewed.proposals.get(value=1200)
    clause = "确保固定资产投资完成1300亿元"
    start = reviewed.text.index(clause)
    decisions.accept(fai, analyst, value=Decimal(1300), span_start=start, span_end=start + len(clause))
    assert fai.status == Proposal.Status.EDITED and fai.target.sentence == clause
    decisions.reject(reviewed.proposals.get(value=1300, status=Proposal.Status.PENDING), analyst)
    publishing.publish(reviewed, analyst)
    assert reviewed.status == "published"


def test_a_stale_proposal_is_not_accepted_on_its_old_span(reviewed, analyst, plan_text):
    edit_text(reviewed, analyst, "前言\n" + plan_text.replace("1200亿元", "1300亿元"))
    fai = reviewed.proposals.get(value=1200)
    with pytest.raises(ValidationError, match="出处不在原处"):
        decisions.accept(fai, analyst)
    fai.refresh_from_db()
    assert fai.status == Proposal.Status.STALE
