"""Which address a request came from, for django-axes' lockout of failed log-ins.

Behind a load balancer every request arrives from the balancer's address; the
client's own address is the one the balancer appended to ``X-Forwarded-For``. Only
the entries added by proxies we run can be trusted — anything to their left was
written by the client and may be made up. ``TRUSTED_PROXY_COUNT`` (from the
environment's ``AXES_PROXY_COUNT``) says how many proxies stand in front of the site:
with N, the client's address is the N-th entry from the right. With 0 (no proxy) the
header is ignored, and so is a header with fewer entries than proxies.
"""

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
