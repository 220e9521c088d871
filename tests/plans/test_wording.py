import pytest

from luoshi.plans.wording import describe, format_number


@pytest.mark.parametrize(("kwargs", "expected"), [
    (dict(kind="level", value=7000, unit="亿元", bound="exact", commitment="确保"), "确保 7000 亿元"),
    (dict(kind="count", value=6000, unit="家", bound="min", bound_word="突破", commitment="力争"), "力争 突破 6000 家"),
    (dict(kind="growth", value=15, unit="%", bound="min", bound_word="以上"), "增长 15% 以上"),
    (dict(kind="growth", value=15, unit="%", bound="min"), "增长 15% 以上"),
    (dict(kind="growth", value=7, unit="%", bound="approx"), "增长 7% 左右"),
    (dict(kind="growth", value=1.5, unit="个百分点", bound="min"), "提高 1.5 个百分点 以上"),
    (dict(kind="reduction", value=3, unit="%", bound="max", bound_word="以内"), "控制在 3% 以内"),
    (dict(kind="reduction", value=3, unit="%", bound="exact"), "下降 3%"),
    (dict(kind="share", value=70, unit="%", bound="exact", commitment="力争"), "力争 70%"),
    (dict(kind="count", value=120, unit="个", bound="min", bound_word="不低于"), "不低于 120 个"),
    (dict(kind="growth", value=8, unit="%", bound="exact", commitment="保"), "保 增长 8%"),
])
def test_describe_reads_the_way_a_chinese_reader_expects(kwargs, expected):
    assert describe(**kwargs) == expected


@pytest.mark.parametrize(("value", "text"), [(7000, "7000"), (2.6, "2.6"), ("1500.0000", "1500"), (0.05, "0.05"),
                                             (1e4, "10000")])
def test_format_number_drops_trailing_zeros_without_exponent(value, text):
    assert format_number(value) == text
