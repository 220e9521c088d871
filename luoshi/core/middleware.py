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
