"""URLs of the rush benchmark's server (bench/rush.py only): Luoshi's own, plus a bare Django JSON view.

The bare view is what the submission throughput is compared with: the same waitress, the same middleware,
a view that reads nothing and answers `{"ok": true}`. It exists only in the benchmark's own server process,
whose ROOT_URLCONF points here; Luoshi's URLs have no such endpoint.
"""

from django.http import JsonResponse
from django.urls import path

from luoshi.urls import urlpatterns as luoshi_urlpatterns

BARE_PATH = "bench/bare"


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [path(BARE_PATH, bare), *luoshi_urlpatterns]
