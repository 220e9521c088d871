from django.conf import settings
from django.http import JsonResponse, QueryDict
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


class NulFreeQueryMiddleware:
    """Drop NUL characters from query parameters: no database holds them (PostgreSQL refuses them in text),
    and no name, code or period contains one, so a filter with NUL is read as the same filter without it.
    A JSON body with a NUL in it is refused (400) before any view could try to store it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "application/json" and b"\\u0000" in request.body.lower():
            return JsonResponse({"error": "请求内容含有不允许的字符(NUL)", "detail": []}, status=400)
        if "%00" in request.META.get("QUERY_STRING", "") or any("\x00" in k or "\x00" in v
                                                                 for k, v in request.GET.items()):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
