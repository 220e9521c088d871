"""Every bad cell is reported with row, column, value and reason, and nothing is written."""

import pytest

from luoshi.figures.models import Figure, FigureRevision
from luoshi.figures.submission import FiguresRejected, approve, return_revision, submit
from tests.figures.conftest import TODAY, entry

pytestmark = pytest.mark.django_db


def rejected(user, entries):
    before = FigureRevision.objects.count(), Figure.objects.count()
    with pytest.raises(FiguresRejected) as caught:
        submit(user, entries, today=TODAY)
    assert (FigureRevision.objects.count(), Figure.objects.count()) == before
    return caught.value.validation


def reasons(validation):
    return [(e.row, e.column, e.value, e.reason) for e in validation.errors]


def test_a_reporter_submits_and_an_analyst_approves(jinshui_reporter, analyst, assignments):
    outcome = submit(jinshui_reporter, [entry(value="120.5", growth="8.1", source="金水区统计局")], today=TODAY)
    revision = outcome.written[0]
    assert revision.status == FigureRevision.Status.SUBMITTED and revision.submitted_by == jinshui_reporter
    figure = revision.figure
    assert figure.value is None and figure.head_revision == revision
    approve(revision, analyst)
    figure.refresh_from_db()
    assert (float(figure.value), float(figure.growth), figure.approved_revision) == (120.5, 8.1, revision)


def test_an_analyst_returns_with_a_reason_and_the_value_stays_unused(jinshui_reporter, analyst, assignments):
    revision = submit(jinshui_reporter, [entry(value=100)], today=TODAY).written[0]
    with pytest.raises(Exception, match="原因"):
        return_revision(revision, analyst, "  ")
    returned = return_revision(revision, analyst, "与统计快报不符")
    assert returned.status == "returned" and returned.review_note == "与统计快报不符"
    assert Figure.objects.get().value is None


def test_every_bad_cell_is_named_and_nothing_is_written(jinshui_reporter, assignments):
    validation = rejected(jinshui_reporter, [
        entry(1, value="一百"),
        entry(2, period="2023M03", unit="410103", value=5),
        entry(3, period="2099M03", value=5),
        entry(4, series="不存在的指标", value=5),
        entry(5, period="2023M01", value=5),
        entry(6, value=5, unit_of_measure="万元"),
        entry(7, value=None, growth=None),
        entry(8, period="2023M06", value=-3),
    ])
    found = {row: (column, value, reason) for row, column, value, reason in reasons(validation)}
    assert found[1] == ("value", "一百", "不是数字")
    assert found[2][0] == "unit" and "只能填报金水区" in found[2][2]
    assert "尚未结束" in found[3][2]
    assert found[4] == ("series", "不存在的指标", "没有这个统计指标")
    assert "1月数据不单独发布" in found[5][2]
    assert found[6] == ("unit_of_measure", "万元", "计量单位应为“亿元”")
    assert "至少填写一项" in found[7][2]
    assert "不能为负数" in found[8][2]


def test_a_cumulative_figure_cannot_fall_below_last_months(jinshui_reporter, assignments):
    validation = rejected(jinshui_reporter, [entry(1, period="2023M03", value=300),
                                             entry(2, period="2023M04", value=250)])
    assert reasons(validation) == [(2, "value", "250", "累计数低于上期(1–3月)的 300,累计数不会减少")]


def test_an_implausible_jump_needs_a_written_reason(jinshui_reporter, assignments):
    submit(jinshui_reporter, [entry(period="2023M03", value=300)], today=TODAY)
    validation = rejected(jinshui_reporter, [entry(period="2023M04", value=4000)])
    assert "变化异常" in reasons(validation)[0][3] and "说明" in reasons(validation)[0][3]
    written = submit(jinshui_reporter, [entry(period="2023M04", value=4000, note="大项目集中入统")], today=TODAY)
    assert written.written[0].note == "大项目集中入统"


def test_the_same_figure_twice_in_one_submission_is_refused(jinshui_reporter, assignments):
    validation = rejected(jinshui_reporter, [entry(3, value=1), entry(9, period="2023Q1", value=2)])
    assert reasons(validation)[0][:2] == (9, "period") and "与第 3 行重复" in reasons(validation)[0][3]


def test_a_reporter_cannot_report_a_series_not_assigned_to_the_unit(jinshui_reporter, assignments):
    validation = rejected(jinshui_reporter, [entry(series="社会消费品零售总额", value=10)])
    assert "没有“社会消费品零售总额”的填报任务" in reasons(validation)[0][3]


def test_a_leader_cannot_report(leader, assignments):
    assert "不能填报" in reasons(rejected(leader, [entry(value=1)]))[0][3]


def test_a_conflicting_double_edit_is_refused_with_both_values(jinshui_reporter, analyst, assignments):
    first = submit(jinshui_reporter, [entry(value=100)], today=TODAY).written[0]
    base = first.pk
    submit(analyst, [entry(value=110, based_on=base, reason="按快报更正")], today=TODAY)
    with pytest.raises(FiguresRejected) as caught:
        submit(jinshui_reporter, [entry(value=105, based_on=base)], today=TODAY)
    conflict = caught.value.validation.conflicts[0]
    assert (float(conflict.theirs.value), float(conflict.yours_value)) == (110, 105)
    assert "已被 analyst" in str(conflict) and "110" in str(conflict) and "105" in str(conflict)
    assert FigureRevision.objects.count() == 2


def test_every_change_is_a_new_revision_nothing_overwritten(analyst, assignments):
    first = submit(analyst, [entry(value=100)], today=TODAY).written[0]
    second = submit(analyst, [entry(value=101, based_on=first.pk, reason="修正")], today=TODAY).written[0]
    unchanged = submit(analyst, [entry(value=101, based_on=second.pk)], today=TODAY)
    assert unchanged.written == [] and unchanged.validation.changes[0].action == "unchanged"
    assert [(r.number, float(r.value), r.reason) for r in FigureRevision.objects.order_by("number")] == [
        (1, 100.0, ""), (2, 101.0, "修正")]
    assert second.based_on == first


def test_half_year_of_a_monthly_series_is_its_june_figure(analyst, assignments):
    revision = submit(analyst, [entry(period="2023H1", value=500)], today=TODAY).written[0]
    assert revision.figure.period == "2023M06"
