"""Notice fixtures: a reporter of the city's development and reform commission (a department obstacles go to),
and a task the analyst issues to 金水区 with 二七区 helping."""

import pytest

from luoshi.accounts.models import User
from luoshi.tasks import workflow


@pytest.fixture
def fgw_reporter(units):
    return User.objects.create_user(username="fgw", password="pw-fgw", role=User.Role.REPORTER,
                                    unit=units["郑州市发展和改革委员会"])


@pytest.fixture
def issued(analyst, units, jinshui_reporter, erqi_reporter):
    return workflow.issue(analyst, title="整治背街小巷", lead_unit=units["金水区"], co_units=[units["二七区"]])
