"""Asking sites whether links work (links/checking.py), against a local server only."""

import socket
import ssl
import urllib.error

import pytest
from django.core.exceptions import ImproperlyConfigured

from links.checking import Checker, Reason, Result, unreachable, user_agent
from tests.link_server import TIMEOUT, refused_url

pytestmark = pytest.mark.usefixtures("offline")


def checker(**options):
    return Checker(
        **{"timeout": TIMEOUT, "per_host": 2, "workers": 8, "agent": user_agent(), **options}
    )


def test_each_kind_of_answer_gets_its_result(link_server):
    refused = refused_url()
    urls = {path: link_server.url(path) for path in [
        "/ok", "/moved", "/moved-for-now", "/moved-twice", "/missing", "/error", "/slow",
        "/no-head", "/loop", "/moved-to-missing",
    ]}  # fmt: skip
    outcomes = checker().check_all([*urls.values(), refused, "https://nowhere.example/"])
    got = {path: outcomes[url] for path, url in urls.items()}

    assert (got["/ok"].result, got["/ok"].status, got["/ok"].final_url) == (Result.OK, 200, "")
    assert (got["/moved"].result, got["/moved"].final_url) == (Result.REDIRECTED, urls["/ok"])
    assert got["/moved"].permanent and got["/moved"].status == 200
    assert got["/moved-for-now"].result == Result.REDIRECTED
    assert not got["/moved-for-now"].permanent
    assert got["/moved-twice"].permanent, "a permanent hop anywhere on the way counts"
    assert (got["/missing"].result, got["/missing"].status) == (Result.BROKEN, 404)
    assert (got["/error"].result, got["/error"].status) == (Result.BROKEN, 500)
    assert (got["/slow"].result, got["/slow"].reason) == (Result.UNREACHABLE, Reason.TIMEOUT)
    assert (got["/no-head"].result, got["/no-head"].status) == (Result.OK, 200)
    assert (got["/loop"].result, got["/loop"].reason) == (Result.UNREACHABLE, Reason.REDIRECTS)
    assert got["/moved-to-missing"].result == Result.BROKEN
    assert got["/moved-to-missing"].final_url == urls["/missing"]
    assert outcomes[refused].reason == Reason.REFUSED
    assert outcomes["https://nowhere.example/"].reason == Reason.NO_HOST


def test_head_first_and_get_only_where_head_fails(link_server):
    checker().check_all([link_server.url(path) for path in ["/ok", "/no-head", "/missing"]])
    assert (link_server.asked("/ok", "HEAD"), link_server.asked("/ok", "GET")) == (1, 0)
    assert (link_server.asked("/no-head", "HEAD"), link_server.asked("/no-head", "GET")) == (1, 1)
    # A page is only called broken when a browser's request fails too.
    assert (link_server.asked("/missing", "HEAD"), link_server.asked("/missing", "GET")) == (1, 1)


def test_a_slow_site_is_given_up_on_after_the_timeout(link_server):
    outcome = checker().check_all([link_server.url("/slow")])[link_server.url("/slow")]
    assert outcome.reason == Reason.TIMEOUT
    assert link_server.asked("/slow") == 1, "a site that does not answer HEAD is not asked again"


def test_limits_of_nothing_are_refused(settings):
    settings.LINK_CHECK_PER_HOST = 0
    with pytest.raises(ImproperlyConfigured, match="LINK_CHECK_PER_HOST"):
        Checker.from_settings()


def test_the_checker_names_the_guide_and_where_to_find_it(link_server, settings):
    settings.SITE_URL = "https://guide.example.org"
    Checker.from_settings().check_all([link_server.url("/ok"), link_server.url("/moved")])
    assert link_server.agents == {"AmsterdamGuideLinkChecker/1.0 (+https://guide.example.org)"}


def test_no_more_than_two_requests_at_a_time_to_one_host(link_server):
    urls = [
        link_server.url(f"/pause/{n}", host)
        for host in ("127.0.0.1", "localhost")
        for n in range(8)
    ]
    outcomes = checker(per_host=2, workers=8, timeout=5).check_all(urls)
    assert {outcome.result for outcome in outcomes.values()} == {Result.OK}
    assert link_server.most_at_once == {"127.0.0.1": 2, "localhost": 2}
    assert link_server.most_in_all > 2, "two hosts are asked at the same time"


def test_each_address_is_asked_once_whatever_its_fragment(link_server):
    ok, moved = link_server.url("/ok"), link_server.url("/moved")
    outcomes = checker().check_all([ok, f"{ok}#costs", f"{ok}#who", f"{moved}#top"])
    assert link_server.asked("/ok", "HEAD") == 2  # once for itself, once at the end of /moved
    assert link_server.asked("/moved") == 1
    assert outcomes[f"{ok}#costs"].result == Result.OK
    # A redirect keeps the link's #fragment, as a browser would.
    assert outcomes[f"{moved}#top"].final_url == f"{ok}#top"


@pytest.mark.parametrize(
    "error, reason",
    [
        (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), Reason.NO_HOST),
        (urllib.error.URLError(ConnectionRefusedError(111, "refused")), Reason.REFUSED),
        (urllib.error.URLError(ssl.SSLCertVerificationError(1, "certificate expired")), Reason.TLS),
        (TimeoutError("timed out"), Reason.TIMEOUT),
        (urllib.error.URLError("unknown url type: ftp"), Reason.OTHER),
    ],
)
def test_errors_without_an_answer_say_why(error, reason):
    outcome = unreachable(error)
    assert (outcome.result, outcome.reason) == (Result.UNREACHABLE, reason)
    assert outcome.detail
