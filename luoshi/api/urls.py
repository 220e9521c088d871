"""The JSON API (/api/v1/…), read through the same scoped querysets as the pages.

Every answer that is not a success is `{"error": …, "detail": […]}` (ErrorOut), unexpected failures
included (500, logged); every operation declares those statuses in the OpenAPI document.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from luoshi.api import chains, changes, enterprises, figures, notices, plans, projects, series, tasks, units
from luoshi.api.attraction import router as attraction_router
from luoshi.api.auth import AUTH
from luoshi.api.compare import router as compare_router
from luoshi.api.schemas import ERROR_STATUSES, ErrorOut
from luoshi.core.errors import FieldErrors
from luoshi.dashboard import api as dashboard_api

log = logging.getLogger("luoshi.api")

api = NinjaAPI(
    title="落实 Luoshi API", version="1", description="规划、目标、单位、任务分解、数据与研判(按用户权限范围)",
    openapi_url="/openapi.json", docs_url="/docs", auth=AUTH, urls_namespace="api",
)
ROUTERS = [plans.router, figures.router, series.router, dashboard_api.router, projects.router, tasks.router,
           compare_router, units.router, changes.router, attraction_router, notices.router,
           enterprises.router, chains.router]


def declare_errors(router) -> None:
    """Every operation of ROUTER answers its errors as ErrorOut, and says so in the OpenAPI document."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            for status in ERROR_STATUSES:
                operation.response_models.setdefault(status, operation._create_response_model(ErrorOut))


for router in ROUTERS:
    declare_errors(router)
    api.add_router("/v1/", router)


def error(request, status: int, message: str, detail: list | None = None):
    return api.create_response(request, {"error": message, "detail": detail or []}, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return error(request, 422, "请求参数无效", exc.errors)


@api.exception_handler(FieldErrors)
def on_field_errors(request, exc):
    return error(request, 422, "输入无效,未写入任何内容", exc.detail)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return error(request, 401, "需要登录")


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return error(request, 403, str(exc) or "无权访问")


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error(request, 404, "未找到")


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return error(request, exc.status_code, str(exc))


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    log.exception("API %s %s failed", request.method, request.path)
    return error(request, 500, "服务器内部错误,已记录,请稍后重试或联系管理员")
