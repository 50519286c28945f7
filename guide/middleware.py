"""Site-wide middleware."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation

from guide import languages


def is_admin(request):
    return request.path.startswith(f"/{settings.ADMIN_PATH}")


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
        path = languages.path_in_language(request.path, code)
        return HttpResponseRedirect(f"{path}?{query.urlencode()}" if query else path)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, relaxed under the admin path only as far as the admin needs."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin(request) and not report_only:
            parts.update = {**(parts.update or {}), **settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE}
        return parts


class ReadableErrorPagesMiddleware:
    """Gives a method-not-allowed answer (405) a page in the reader's language.

    Django's own 405 response is empty; a person who ends up there (a form from
    elsewhere, a link opened by an app) should read what happened and where to go.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]
            return page
        return response


class AdminMiddleware:
    """What differs in the editors' admin from the readers' site.

    - It speaks the editors' language (``ADMIN_LANGUAGE``), whatever the browser says:
      editors of the City work in Dutch, other languages each have a tab.
    - Its referrer policy is ``same-origin``: with ``no-referrer`` a browser sends
      ``Origin: null`` with a form, and Django's CSRF check rightly refuses it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_admin(request):
            return self.get_response(request)
        translation.activate(settings.ADMIN_LANGUAGE)
        request.LANGUAGE_CODE = settings.ADMIN_LANGUAGE
        response = self.get_response(request)
        response["Referrer-Policy"] = "same-origin"
        return response
