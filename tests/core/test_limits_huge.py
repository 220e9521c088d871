"""core.limits answers for numbers beyond the decimal context (1E+999999999), never raises."""

import pytest
from django.db import models

from luoshi.core.limits import problem
from luoshi.projects.models import Project


@pytest.mark.parametrize("value", ["1E+999999999", "-1E+999999999", "9" * 400])
def test_a_number_past_the_decimal_context_is_refused_with_the_reason(value):
    name = next(f.name for f in Project._meta.fields if isinstance(f, models.DecimalField))
    assert "超出可保存的范围" in problem(Project, name, value)
