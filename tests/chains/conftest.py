"""Chain fixtures: a test chain of 郑州市 with a small map, firms of our own (not real companies)."""

import io

import pytest
from openpyxl import Workbook

from luoshi.accounts.models import User
from luoshi.chains import editing
from luoshi.enterprises import register
from luoshi.enterprises.models import Enterprise
from tests.conftest import make_user

#: Credit codes with a valid GB 32100-2015 check character, made for these tests.
CODE_A, CODE_B = "91410100MA0000001X", "91410105MA0000004F"


@pytest.fixture
def kf_analyst(units):
    return make_user("kf_analyst", User.Role.ANALYST, units["开封市"])


@pytest.fixture
def chain(units, analyst):
    return editing.create_chain(analyst, name="测试新材料产业链", unit=units["郑州市"],
                                leader_name="张测试", leader_title="副市长")


@pytest.fixture
def firm(units, analyst):
    return register.create_enterprise(analyst, name="测试电池有限公司", credit_code=CODE_A,
                                      scale=Enterprise.Scale.ABOVE, register_unit=units["郑州市"],
                                      unit=units["金水区"])


@pytest.fixture
def outside_firm(units, analyst):
    return register.create_enterprise(analyst, name="外地测试材料公司", scale=Enterprise.Scale.ABOVE,
                                      register_unit=units["郑州市"], outside=True, location="测试市")


@pytest.fixture
def mapped(chain, analyst, firm, outside_firm):
    """上游/电池/正极 with the firm as anchor, 上游/电池/负极 missing with a target firm, 下游/回收."""
    battery = editing.add_node(analyst, chain, "电池", segment="upstream")
    cathode = editing.add_node(analyst, chain, "正极", parent=battery)
    anode = editing.add_node(analyst, chain, "负极", parent=battery)
    recycling = editing.add_node(analyst, chain, "回收", segment="downstream")
    editing.attach_enterprise(analyst, cathode, firm, is_anchor=True)
    editing.add_target_firm(analyst, anode, outside_firm, note="测试说明")
    return {"battery": battery, "cathode": cathode, "anode": anode, "recycling": recycling}


def workbook(rows, header=("环节路径", "环节地位", "企业名称", "统一社会信用代码", "企业规模", "所在单位", "是否链主",
                           "靶向招商"), title="Sheet") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
