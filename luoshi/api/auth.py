"""API authentication: a bearer token (程序调用) or the browser session.

A read-only token may only read (GET/HEAD/OPTIONS); anything else is refused with 403. An anonymous request
is 401 whatever its method; a signed-in browser that forgets the CSRF token gets 403.
"""

from django.core.exceptions import PermissionDenied
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from luoshi.accounts.models import ApiToken

READING = ("GET", "HEAD", "OPTIONS")


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token> — the token's user acts, with that user's rights (a read-only token:
    reading only)."""

    def authenticate(self, request, token):
        found = ApiToken.active(token)
        if found is None:
            return None
        if found.read_only and request.method not in READING:
            raise PermissionDenied("只读令牌只能读取数据(GET),不能修改")
        request.user = found.user
        return found.user


class BrowserSession(SessionAuth):
    """The signed-in session; the CSRF check only once there is someone signed in (else 401, not 403)."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise PermissionDenied("CSRF 校验失败:请刷新页面后重试")
        return request.user


AUTH = [TokenAuth(), BrowserSession()]
