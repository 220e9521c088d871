"""统一社会信用代码 (GB 32100-2015): 18 characters whose last is a check character over the first 17.

The check is python-stdnum's `cn.uscc` (weights 3^i mod 31 over the alphabet 0-9 A-Y without I O S V Z).
"""

from django.core.exceptions import ValidationError
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError


def normalise(code: str) -> str:
    """CODE without spaces and hyphens, upper case ("" stays "")."""
    return uscc.compact(code or "")


def problem(code: str) -> str:
    """Why CODE is no unified social credit code ("" when it is one)."""
    try:
        uscc.validate(code)
    except InvalidChecksum:
        return "统一社会信用代码校验位不符(GB 32100-2015)"
    except StdnumError:
        return "统一社会信用代码应为 18 位数字或大写字母(不含 I、O、S、V、Z)"
    return ""


def validate_credit_code(code: str) -> None:
    """Model/form validator: an empty code is allowed (not known), a given one must check."""
    if code and (reason := problem(code)):
        raise ValidationError(reason, code="credit_code")
