"""URLs of the rush benchmark's server (bench/rush.py only): Luoshi's own, plus two bench-only views.

- `bench/bare`: what the submission throughput is compared with — the same waitress, the same middleware, a
  view that reads nothing and answers `{"ok": true}`.
- `bench/floor`: the floor of any submission through django-ninja — the API's own authentication (the same
  bearer tokens) and the submission's own body and answer schemas, and nothing read or written: one fixed
  revision answered for the items it was sent.

They exist only in the benchmark's own server process, whose ROOT_URLCONF points here; Luoshi's URLs have no
such endpoints.
"""

from django.http import JsonResponse
from django.urls import path
from ninja import NinjaAPI, Status
from rush import BARE_PATH, FLOOR_PATH

from luoshi.api.auth import AUTH
from luoshi.api.figures import SubmissionIn, SubmissionOut
from luoshi.urls import urlpatterns as luoshi_urlpatterns

floor_api = NinjaAPI(urls_namespace="bench-floor", auth=AUTH, docs_url=None, openapi_url=None)


def bare(request):
    return JsonResponse({"ok": True})


@floor_api.post("/", response={201: SubmissionOut})
def floor(request, body: SubmissionIn):
    written = [{"item": n, "revision": 1, "figure": 1, "number": 1, "status": "submitted", "value": item.value,
                "growth": None} for n, item in enumerate(body.items, start=1)]
    return Status(201, {"written": written, "replayed": [], "unchanged": []})


urlpatterns = [path(BARE_PATH, bare), path(f"{FLOOR_PATH}/", floor_api.urls), *luoshi_urlpatterns]
