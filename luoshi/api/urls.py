"""The JSON API (/api/v1/…), read through the same scoped querysets as the pages."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from luoshi.api import figures, plans, projects, series, tasks, units
from luoshi.api.auth import AUTH
from luoshi.api.compare import router as compare_router
from luoshi.dashboard import api as dashboard_api

api = NinjaAPI(
    title="落实 Luoshi API", version="1", description="规划、目标、单位、任务分解、数据与研判(按用户权限范围)",
    openapi_url="/openapi.json", docs_url="/docs", auth=AUTH, urls_namespace="api",
)
api.add_router("/v1/", plans.router)
api.add_router("/v1/", figures.router)
api.add_router("/v1/", series.router)
api.add_router("/v1/", dashboard_api.router)
api.add_router("/v1/", projects.router)
api.add_router("/v1/", tasks.router)
api.add_router("/v1/", compare_router)
api.add_router("/v1/", units.router)


def error(request, status: int, message: str, detail: list | None = None):
    return api.create_response(request, {"error": message, "detail": detail or []}, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return error(request, 422, "请求参数无效", exc.errors)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return error(request, 401, "需要登录")


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return error(request, 403, "无权访问")


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error(request, 404, "未找到")
