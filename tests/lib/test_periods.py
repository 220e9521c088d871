"""统计期: codes, labels, calendars and due dates of the Chinese statistical calendar."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.lib.periods import (
    Frequency,
    Period,
    PeriodError,
    due_date,
    elapsed_fraction,
    is_late,
    latest_period,
    parse,
    periods_in,
)


@pytest.mark.parametrize(
    ("code", "label", "full", "english", "months"),
    [
        ("2023M1-2", "1–2月", "2023年1–2月", "Jan–Feb 2023", 2),
        ("2023M03", "1–3月", "2023年1–3月", "Jan–Mar 2023", 3),
        ("2023M12", "1–12月", "2023年1–12月", "Jan–Dec 2023", 12),
        ("2023Q1", "一季度", "2023年一季度", "Q1 2023", 3),
        ("2023H1", "上半年", "2023年上半年", "H1 2023", 6),
        ("2023Q1-3", "前三季度", "2023年前三季度", "Q1–Q3 2023", 9),
        ("2023", "全年", "2023年", "2023", 12),
        ("2023-2027", "2023—2027年", "2023—2027年", "2023–2027", 60),
    ],
)
def test_codes_round_trip_with_labels(code, label, full, english, months):
    period = parse(code)
    assert period.code == code
    assert str(period) == code
    assert (period.label_zh, period.label_zh_full, period.label_en) == (label, full, english)
    assert period.months == months


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2023M01", "1月数据不单独发布"),
        ("2023M02", "2023M1-2"),
        ("2023M13", "月份无效"),
        ("2023M00", "月份无效"),
        ("2023Q2", "2023H1"),
        ("2023Q3", "2023Q1-3"),
        ("2023Q4", "四季度"),
        ("2027-2023", "结束年份"),
        ("2023-13", "无法识别"),
        ("", "无法识别"),
        ("next year", "无法识别"),
    ],
)
def test_bad_codes_say_why(code, message):
    with pytest.raises(PeriodError, match=message):
        parse(code)


def test_period_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse("2023M01")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2023年1-2月", "2023M1-2"),
        ("2023年1–2月", "2023M1-2"),
        ("2023年1—6月", "2023M06"),
        ("2023年3月", "2023M03"),
        ("2023年上半年", "2023H1"),
        ("2023年一季度", "2023Q1"),
        ("2023年前三季度", "2023Q1-3"),
        ("2023年全年", "2023"),
        ("2023年", "2023"),
        ("2023—2027年", "2023-2027"),
        ("２０２３Ｈ１", "2023H1"),
        (" 2023m03 ", "2023M03"),
    ],
)
def test_chinese_and_loose_input(text, code):
    assert parse(text).code == code


def test_january_alone_is_refused_in_chinese_too():
    with pytest.raises(PeriodError, match="1–2月"):
        parse("2023年1月")


def test_sorting_uses_sort_key_not_codes():
    codes = ["2023", "2023M03", "2023M1-2", "2022", "2023H1", "2023M12"]
    ordered = [p.code for p in sorted(map(parse, codes), key=lambda p: p.sort_key)]
    assert ordered == ["2022", "2023M1-2", "2023M03", "2023H1", "2023", "2023M12"]


def test_dates_and_fractions():
    h1 = parse("2023H1")
    assert (h1.start_date, h1.end_date) == (date(2023, 1, 1), date(2023, 6, 30))
    assert parse("2024M1-2").end_date == date(2024, 2, 29)
    assert h1.year_fraction == 0.5
    assert parse("2023-2027").year_fraction == 1.0
    assert parse("2023-2027").is_multi_year and not h1.is_multi_year


def test_quarter_and_month_series_differ_but_share_a_span():
    q1, m3 = parse("2023Q1"), parse("2023M03")
    assert q1 != m3
    assert q1.same_span(m3)
    assert q1.frequency is Frequency.QUARTERLY and m3.frequency is Frequency.MONTHLY


def test_previous_year_and_contains():
    assert parse("2023M1-2").previous_year() == parse("2022M1-2")
    assert parse("2023-2027").previous_year() == parse("2022-2026")
    assert parse("2023").contains(parse("2023H1"))
    assert parse("2023-2027").contains(parse("2025M06"))
    assert not parse("2023H1").contains(parse("2023"))
    assert not parse("2023").contains(parse("2024M1-2"))


def test_constructors_validate():
    assert Period(2023, 2023).frequency is Frequency.ANNUAL
    assert Period(2023, 2027).frequency is Frequency.MULTI_YEAR
    assert Period(2023, 2023, 5).code == "2023M05"
    with pytest.raises(PeriodError):
        Period(2023, 2023, 5, Frequency.QUARTERLY)
    with pytest.raises(PeriodError):
        Period(2023, 2027, 6)
    with pytest.raises(PeriodError):
        Period.month(2023, 1)


def test_periods_in_a_year():
    monthly = periods_in(2023, Frequency.MONTHLY)
    assert len(monthly) == 11
    assert [monthly[0].code, monthly[1].code, monthly[-1].code] == ["2023M1-2", "2023M03", "2023M12"]
    assert [p.code for p in periods_in(2023, "quarterly")] == ["2023Q1", "2023H1", "2023Q1-3", "2023"]
    assert [p.code for p in periods_in(2023, "annual")] == ["2023"]


def test_periods_in_a_multi_year_span():
    span = parse("2023-2027")
    assert [p.code for p in periods_in(span, "annual")] == ["2023", "2024", "2025", "2026", "2027"]
    assert periods_in(span, "multi_year") == [span]
    assert len(periods_in(span, "monthly")) == 55


def test_due_dates_clamp_to_month_length():
    assert due_date(parse("2023M1-2"), 15) == date(2023, 3, 15)
    assert due_date(parse("2023"), 20) == date(2024, 1, 20)
    assert due_date(parse("2023M1-2"), 31) == date(2023, 3, 31)
    assert due_date(parse("2023M03"), 31) == date(2023, 4, 30)
    assert due_date(parse("2023"), 31) == date(2024, 1, 31)


def test_late_only_after_due_day_and_when_not_reported():
    h1 = parse("2023H1")
    assert not is_late(h1, 15, date(2023, 7, 15), reported=False)
    assert is_late(h1, 15, date(2023, 7, 16), reported=False)
    assert not is_late(h1, 15, date(2023, 8, 1), reported=True)


def test_elapsed_fraction():
    year = parse("2023")
    assert elapsed_fraction(year, parse("2023M1-2")) == pytest.approx(2 / 12)
    assert elapsed_fraction(year, parse("2023H1")) == 0.5
    assert elapsed_fraction(year, parse("2024")) == 1.0
    assert elapsed_fraction(year, parse("2022")) == 0.0
    assert elapsed_fraction(parse("2023-2027"), parse("2024M06")) == pytest.approx(18 / 60)


@pytest.mark.parametrize(
    ("frequency", "today", "due_day", "code"),
    [
        ("monthly", date(2023, 3, 14), 15, "2022M12"),
        ("monthly", date(2023, 3, 15), 15, "2023M1-2"),
        ("monthly", date(2023, 2, 20), None, "2022M12"),
        ("monthly", date(2023, 3, 1), None, "2023M1-2"),
        ("quarterly", date(2023, 8, 14), 20, "2023H1"),
        ("quarterly", date(2024, 1, 5), 20, "2023Q1-3"),
        ("annual", date(2024, 3, 1), 31, "2023"),
        ("multi_year", date(2024, 3, 1), None, "2023"),
    ],
)
def test_latest_period(frequency, today, due_day, code):
    assert latest_period(frequency, today, due_day).code == code


# -- properties ------------------------------------------------------------------------------------
years = st.integers(min_value=1990, max_value=2100)


@st.composite
def periods(draw) -> Period:
    year = draw(years)
    kind = draw(st.sampled_from(list(Frequency)))
    if kind is Frequency.MONTHLY:
        return Period.month(year, draw(st.integers(2, 12)))
    if kind is Frequency.QUARTERLY:
        return Period.quarter(year, draw(st.sampled_from([3, 6, 9])))
    if kind is Frequency.MULTI_YEAR:
        return Period.years(year, year + draw(st.integers(1, 10)))
    return Period.year(year)


@given(periods())
def test_parse_round_trips_every_code(period):
    assert parse(period.code) == period


@given(periods())
def test_parse_reads_every_full_chinese_label(period):
    assert parse(period.label_zh_full).same_span(period)


@given(periods(), periods())
def test_sort_key_order_follows_end_date(a, b):
    if a.sort_key < b.sort_key:
        assert a.end_date <= b.end_date
    if a.end_date < b.end_date:
        assert a.sort_key < b.sort_key


@given(periods(), st.integers(1, 31))
def test_due_date_is_after_the_period_ends(period, due_day):
    assert period.end_date < due_date(period, due_day)


@given(periods(), periods())
def test_elapsed_fraction_is_a_share(target, at):
    assert 0.0 <= elapsed_fraction(target, at) <= 1.0
