"""API authentication: a bearer token (程序调用) or the browser session."""

from ninja.security import HttpBearer, django_auth

from luoshi.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token> — the token's user acts, with exactly that user's rights."""

    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


AUTH = [TokenAuth(), django_auth]
