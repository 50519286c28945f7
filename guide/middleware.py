"""Site-wide middleware."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware import locale
from django.shortcuts import render
from django.utils import translation

from guide import languages


def is_admin(request):
    # path_info: the path within the site, whatever prefix it is served under.
    return request.path_info.startswith(f"/{settings.ADMIN_PATH}")


def script_prefix(request):
    """The prefix the site is served under ("" at the root), without its final slash."""
    return request.META.get("SCRIPT_NAME", "").rstrip("/")


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, without the language cookie.

    Readers get no cookies, and a page must not change with a cookie someone else
    planted: ``/`` would be stored in that language for everybody. The language is
    the address's prefix, or on ``/`` the browser's ``Accept-Language``.
    """

    def process_request(self, request):
        request.COOKIES.pop(settings.LANGUAGE_COOKIE_NAME, None)
        super().process_request(request)


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
        path = script_prefix(request) + languages.path_in_language(request.path_info, code)
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
