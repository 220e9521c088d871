from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from luoshi.core.context import change_context


class ChangeContextMiddleware:
    """Ties every change made while serving a request to its user and a request id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        with change_context(user=user) as ctx:
            request.id = ctx.request_id
            return self.get_response(request)


class DefaultLanguageMiddleware:
    """Chinese unless the user chose another language (cookie set by the language switch).

    Django's LocaleMiddleware would follow the browser's Accept-Language; an intranet PC set up in
    English must still show Luoshi in Chinese until its user asks otherwise.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
