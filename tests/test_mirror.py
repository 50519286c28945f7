"""``export_site``: a static copy of the whole guide that works without the server."""

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from guide.languages import CODES
from scripts.serve import free_port
from tests.servers import reachable, wait_until

pytestmark = pytest.mark.django_db

LINKS = re.compile(
    r'(?<![\w-])(?:href|src|action|data-service-worker|data-offline-pages?)="([^"#]*)'
)


def export(directory, *args):
    call_command("export_site", str(directory), *args, stdout=None)
    return directory


def links(text):
    return [
        link
        for link in LINKS.findall(text)
        if link and not link.startswith(("http", "tel:", "mailto:"))
    ]


def test_the_relative_copy_opens_from_the_file_system_without_a_broken_link(tmp_path):
    root = export(tmp_path / "copy")
    reached, queue, broken = set(), [root / "index.html"], []
    while queue:
        page = queue.pop()
        if page in reached:
            continue
        reached.add(page)
        if page.suffix != ".html":
            continue
        for link in links(page.read_text(encoding="utf-8")):
            target = (page.parent / link.split("?")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append((page.relative_to(root), link))
            else:
                queue.append(target)
    assert broken == []
    for language in CODES:
        assert (root / language / "index.html").resolve() in reached, language
        assert (root / language / "topics" / "health-care" / "index.html").resolve() in reached


def test_the_hosted_copy_is_what_the_server_sends(tmp_path, settings):
    root = export(tmp_path / "copy", "--base-url", "https://ngo.example/")
    client = Client()
    for path in [
        "/nl/topics/housing/",
        "/ar/",
        "/tl/organisations/kruispost/",
        "/sitemap.xml",
        "/sw.js",
    ]:
        file = root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        sent = client.get(path).content.decode()
        # Only the guide can receive a report: the copy's form sends it there.
        report = f'action="{path}report/"'
        sent = sent.replace(report, f'action="{settings.SITE_URL}{path}report/"')
        assert file.read_text(encoding="utf-8") == sent, path


def test_a_report_from_a_copy_is_sent_to_the_guide_itself(tmp_path, settings):
    root = export(tmp_path / "copy")
    page = (root / "es" / "topics" / "housing" / "index.html").read_text(encoding="utf-8")
    assert f'action="{settings.SITE_URL}/es/topics/housing/report/"' in page
    assert not list(root.glob("**/report/**"))


def test_under_a_folder_of_a_host_links_keep_their_folder(tmp_path):
    root = export(tmp_path / "copy", "--base-url", "https://ngo.example/guide/")
    page = (root / "nl" / "topics" / "housing" / "index.html").read_text(encoding="utf-8")
    assert 'href="/guide/nl/organisations/"' in page
    assert 'data-service-worker="/guide/sw.js"' in page
    assert 'href="/nl/' not in page


def test_a_plain_static_server_serves_the_copy_without_a_broken_link(tmp_path):
    root = export(tmp_path / "copy", "--base-url", "http://127.0.0.1/")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: reachable(port), what="the static server starting")
        base = f"http://127.0.0.1:{port}"
        reached, queue, broken = set(), ["/"], []
        while queue:
            path = queue.pop()
            if path in reached:
                continue
            reached.add(path)
            try:
                with urllib.request.urlopen(base + path, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError:
                broken.append(path)
                continue
            if "html" in kind:
                for link in links(body.decode()):
                    queue.append(urlsplit(urljoin(base + path, link)).path)
        assert broken == []
        assert {f"/{language}/" for language in CODES} <= reached
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_search_in_the_copy_says_it_cannot_search_and_leads_to_the_topics(tmp_path):
    root = export(tmp_path / "copy")
    page = (root / "nl" / "search" / "index.html").read_text(encoding="utf-8")
    assert "Zoeken werkt niet in deze kopie van de gids" in page
    assert 'href="../topics/health-care/index.html"' in page


def test_the_copy_is_written_into_an_empty_folder_only(tmp_path):
    (tmp_path / "kept.txt").write_text("mine")
    with pytest.raises(CommandError, match="not empty"):
        export(tmp_path)
    assert Path(tmp_path / "kept.txt").read_text() == "mine"
