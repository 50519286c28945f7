"""Site-wide middleware."""

from django.db import connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """``/healthz`` for a container's or load balancer's health check.

    It answers before host validation and HTTPS redirects, because checks come from
    inside the container or the private network, with an address as the Host.
    It fails (500) when the database cannot be reached.
    """

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.path:
            return self.get_response(request)
        connection.ensure_connection()
        return HttpResponse("ok", content_type="text/plain")
