"""Site-wide middleware."""

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import translate_url

from guide import languages


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


class LanguageParameterMiddleware:
    """``?lang=xx`` on any page redirects to the same page under ``/xx/``.

    For links written by hand ("add ?lang=ar") and for forms that pick a language.
    An unknown code is ignored: the page is shown as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.GET.get("lang")
        if code not in languages.BY_CODE:
            return self.get_response(request)
        query = request.GET.copy()
        del query["lang"]
        path = translate_url(request.path, code)
        if path == request.path and not request.path.startswith(f"/{code}/"):
            path = f"/{code}/"  # the language choice, or a page that does not exist
        return HttpResponseRedirect(f"{path}?{query.urlencode()}" if query else path)
