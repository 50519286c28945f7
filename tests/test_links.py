"""check_links, the links in the admin, and accepting a redirect into the texts.

Every link points at a local server the tests start; the guide's own content is set
aside (its topics made drafts, its organisations removed), and no name but this
machine's resolves, so nothing reaches the internet.
"""

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from content.freshness import organisation_state, topic_state
from content.models import Organisation, Status, Topic
from links.accepting import replaced_in_markdown, written
from links.checking import Checker, Reason, Result
from links.finding import web_links
from links.models import LinkCheck
from links.templatetags.links_admin import links_needing_attention
from tests.editors import log_in
from tests.factories import add_translation, make_organisation, make_section
from tests.test_admin import member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("offline")]


@pytest.fixture
def pages(link_server):
    """A topic in nl, es and fr with a question, and an organisation, linking to the
    local server: /ok, /missing (404), /slow (beyond the timeout) and /moved (301)."""
    Topic.objects.update(status=Status.DRAFT)
    Organisation.objects.all().delete()
    ok, missing, slow, moved = (link_server.url(p) for p in ["/ok", "/missing", "/slow", "/moved"])
    topic = Topic.objects.create(slug="zorg", status=Status.PUBLISHED)
    add_translation(
        topic,
        "nl",
        title="Zorg",
        summary="Over zorg.",
        intro=f"Zie [de regeling]({ok}), [het oude]({missing}) en [het nieuwe]({moved}).",
    )
    add_translation(
        topic,
        "es",
        title="Salud",
        summary="Sobre la salud.",
        intro=f"Ver [la regla]({ok}), [lo viejo]({missing}) y [lo nuevo]({moved}).",
    )
    add_translation(
        topic, "fr", title="Santé", summary="La santé.", intro=f"Voir [l'ancien]({missing})."
    )
    question = make_section(
        topic, "Wie betaalt?", body=f"[Lees meer]({slow}) of bel [112](tel:112).", anchor="costs"
    )
    add_translation(question, "es", heading="¿Quién paga?", body=f"[Leer más]({slow}).")
    organisation = make_organisation(
        "Hulp",
        slug="hulp",
        website=moved,
        topics=[topic],
        description_nl=f"Zie [de site]({moved}).",
    )
    organisation.description_en = f"See [their site]({moved})."
    organisation.save()
    return SimpleNamespace(
        topic=topic, question=question, organisation=organisation,
        ok=ok, missing=missing, slow=slow, moved=moved,
    )  # fmt: skip


@pytest.fixture
def editor(client):
    return log_in(client, member_of("Editor", "redacteur"))


@pytest.fixture
def translator():
    return log_in(Client(), member_of("Translator", "vertaler"))


def check_links(*args):
    out = StringIO()
    call_command("check_links", *args, stdout=out)
    return out.getvalue()


def in_the_admins_language(label):
    with translation.override("nl"):
        return str(label)


def row_of(html, url):
    """The dashboard's table row of ``url``."""
    rows = html[html.index('id="links"') :].split("<tr")
    return next(row for row in rows if f">{url}</a>" in row)


# --- check_links ---------------------------------------------------------------------


def test_check_links_lists_the_404_and_the_timeout_on_the_dashboard(pages, editor):
    check_links()
    html = editor.get(reverse("admin:content_translation_dashboard")).content.decode()

    missing = row_of(html, pages.missing)
    assert 'class="link-broken"' in missing and "(404)" in missing
    assert ">Zorg</a>" in missing
    assert [f"?language={code}" in missing for code in ("nl", "es", "fr")] == [True] * 3

    slow = row_of(html, pages.slow)
    assert 'class="link-unreachable"' in slow
    assert in_the_admins_language(Reason.TIMEOUT.label) in slow
    assert ">Zorg</a> › Wie betaalt?" in slow
    assert ">nl</a>" in slow and ">es</a>" in slow and ">fr</a>" not in slow

    moved = row_of(html, pages.moved)
    assert 'class="link-redirected"' in moved and f"→ {pages.ok}" in moved
    assert ">Hulp</a>" in moved
    assert f">{pages.ok}</a>" not in html, "a link that works is not listed"


def test_check_links_stores_one_result_per_address_and_prints_a_summary(pages, link_server):
    before = timezone.now()
    output = check_links()

    links = {link.url: link for link in LinkCheck.objects.all()}
    assert set(links) == {pages.ok, pages.missing, pages.slow, pages.moved}
    assert (links[pages.ok].result, links[pages.ok].status) == (Result.OK, 200)
    assert (links[pages.missing].result, links[pages.missing].status) == (Result.BROKEN, 404)
    assert links[pages.slow].result == Result.UNREACHABLE
    assert links[pages.slow].reason == Reason.TIMEOUT
    assert links[pages.moved].result == Result.REDIRECTED
    assert (links[pages.moved].final_url, links[pages.moved].permanent) == (pages.ok, True)
    assert all(link.checked_at >= before for link in links.values())
    assert links[pages.missing].failing_since == links[pages.missing].checked_at

    # /missing is on three pages' texts and /moved on four: each was asked once.
    assert link_server.asked("/missing", "HEAD") == 1 and link_server.asked("/moved") == 1
    assert link_server.agents == {"AmsterdamGuideLinkChecker/1.0 (+http://testserver)"}

    assert f"broken      404       {pages.missing}" in output
    assert "on topic zorg intro: nl, es, fr" in output
    assert "on topic zorg (question costs) body: nl, es" in output
    assert "on organisation hulp website: every language" in output
    assert output.splitlines()[-1].startswith("Checked 4 links")
    assert "1 ok, 1 redirected, 1 broken, 1 unreachable." in output
    assert check_links("--quiet") == ""


def test_each_run_replaces_where_links_are_and_keeps_since_when_they_fail(pages):
    check_links()
    first = LinkCheck.objects.get(url=pages.missing)
    add_translation(pages.topic, "fr", intro="Voir le texte.")
    pages.organisation.delete()

    check_links()
    again = LinkCheck.objects.get(url=pages.missing)
    assert {place.language for place in again.occurrences.all()} == {"nl", "es"}
    assert again.checked_at > first.checked_at
    assert again.failing_since == first.failing_since
    assert LinkCheck.objects.get(url=pages.moved).occurrences.count() == 2  # the topic's


def test_nothing_is_checked_while_pages_are_served(pages, editor, client, monkeypatch):
    check_links()

    def never(*args, **kwargs):
        raise AssertionError("a request asked another site")

    monkeypatch.setattr(Checker, "check_all", never)
    monkeypatch.setattr(Checker, "ask", never)
    link = LinkCheck.objects.get(url=pages.missing)
    for url in [
        reverse("admin:index"),
        reverse("admin:content_translation_dashboard"),
        reverse("admin:links_linkcheck_changelist"),
        reverse("admin:links_linkcheck_change", args=[link.pk]),
    ]:
        assert editor.get(url).status_code == 200, url
    for url in ["/nl/", "/es/topics/zorg/", "/nl/organisations/"]:
        assert Client().get(url).status_code == 200, url


# --- The admin ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "editor", "translator"])
def test_every_link_screen_loads_for_every_role(request, role, pages, admin_user):
    check_links()
    client = log_in(Client(), admin_user) if role == "admin" else request.getfixturevalue(role)
    link = LinkCheck.objects.get(url=pages.missing)
    changelist = reverse("admin:links_linkcheck_changelist")
    for url in [
        reverse("admin:index"),
        reverse("admin:content_translation_dashboard"),
        changelist,
        changelist + "?result__exact=broken",
        changelist + "?q=missing",
        reverse("admin:links_linkcheck_change", args=[link.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_the_change_form_shows_the_last_result_and_where_the_link_is(pages, editor):
    check_links()
    link = LinkCheck.objects.get(url=pages.missing)
    html = editor.get(reverse("admin:links_linkcheck_change", args=[link.pk])).content.decode()
    assert "(404)" in html
    assert f'href="{pages.missing}" rel="noreferrer noopener"' in html
    topic_form = reverse("admin:content_topic_change", args=[pages.topic.pk])
    for code in ("nl", "es", "fr"):
        assert f'href="{topic_form}?language={code}"' in html
    assert 'name="_save"' not in html, "nobody changes a check by hand"
    assert reverse("admin:links_linkcheck_add") not in html


def test_the_list_filters_by_result(pages, editor):
    check_links()
    html = editor.get(
        reverse("admin:links_linkcheck_changelist") + "?result__exact=broken"
    ).content.decode()
    assert pages.missing in html and pages.slow not in html and pages.moved not in html


def test_the_admin_home_says_how_many_links_need_attention(pages, editor):
    html = editor.get(reverse("admin:index")).content.decode()
    assert 'id="link-summary"' in html and "#links" in html
    check_links()
    html = editor.get(reverse("admin:index")).content.decode()
    summary = html[html.index('id="link-summary"') :].split("</p>")[0]
    assert ": 2 " in summary and ", 1 " in summary  # 2 not working, 1 redirected


def test_the_links_box_costs_a_fixed_number_of_queries(
    pages, admin_user, rf, django_assert_max_num_queries
):
    check_links()
    request = rf.get("/")
    request.user = admin_user
    with django_assert_max_num_queries(9):
        box = links_needing_attention({"request": request})
    assert [link.url for link, _pages in box["links"]] == [
        *sorted([pages.missing, pages.slow]),
        pages.moved,
    ]


# --- Accepting a redirect ------------------------------------------------------------


def accept(client, *links):
    return client.post(
        reverse("admin:links_linkcheck_changelist"),
        {"action": "accept_redirects", "_selected_action": [link.pk for link in links]},
    )


def dutch_intro(topic):
    return topic.translations.get(language_code="nl")


def test_accepting_a_redirect_changes_every_text_without_outdating_translations(pages, editor):
    check_links()
    topic, organisation = pages.topic, pages.organisation
    states = {code: topic_state(topic, code) for code in ("es", "fr")}
    organisation_states = {code: organisation_state(organisation, code) for code in ("en", "es")}
    version = dutch_intro(topic).source_version
    Client().get("/es/topics/zorg/")  # now in the page cache

    response = accept(editor, LinkCheck.objects.get(url=pages.moved))
    assert response.status_code == 302

    row = dutch_intro(topic)
    assert pages.moved not in row.intro and f"[het nieuwe]({pages.ok})" in row.intro
    assert f'href="{pages.ok}"' in row.intro_html
    spanish = topic.translations.get(language_code="es").intro
    assert f"[lo nuevo]({pages.ok})" in spanish
    organisation.refresh_from_db()
    assert organisation.website == pages.ok
    assert organisation.description_nl == f"Zie [de site]({pages.ok})."
    assert organisation.description_en == f"See [their site]({pages.ok})."

    # A minor edit: the Dutch keeps its version, no translation becomes outdated.
    assert row.source_version == version
    assert {code: topic_state(topic, code) for code in ("es", "fr")} == states
    assert {code: organisation_state(organisation, code) for code in ("en", "es")} == (
        organisation_states
    )
    # Saved through the models: readers get the new address at once.
    assert f'href="{pages.ok}"' in Client().get("/es/topics/zorg/").content.decode()
    assert pages.moved not in Client().get("/en/organisations/hulp/").content.decode()
    # One revision in the history of both, saying what changed and who did it.
    topic_version = Version.objects.get_for_object(topic).first()
    organisation_version = Version.objects.get_for_object(organisation).first()
    assert topic_version.revision == organisation_version.revision
    assert pages.moved in topic_version.revision.comment
    assert pages.ok in topic_version.revision.comment
    assert topic_version.revision.user.username == "redacteur"
    # The dashboard no longer lists it; its places are now the new address's.
    assert not LinkCheck.objects.filter(url=pages.moved).exists()
    places = LinkCheck.objects.get(url=pages.ok).occurrences.values_list("field", "language")
    assert sorted(places) == [
        ("description", "en"), ("description", "nl"), ("intro", "es"), ("intro", "nl"),
        ("website", ""),
    ]  # fmt: skip


def test_only_redirected_links_are_accepted(pages, editor):
    check_links()
    missing = LinkCheck.objects.get(url=pages.missing)
    accept(editor, missing)
    assert pages.missing in dutch_intro(pages.topic).intro
    assert LinkCheck.objects.filter(pk=missing.pk).exists()


def test_a_redirect_to_an_address_readers_should_not_get_is_refused(pages, editor):
    check_links()
    LinkCheck.objects.filter(url=pages.moved).update(final_url="https://guide.nl@evil.example/")
    accept(editor, LinkCheck.objects.get(url=pages.moved))
    assert f"[het nieuwe]({pages.moved})" in dutch_intro(pages.topic).intro
    assert Organisation.objects.get(slug="hulp").website == pages.moved


def test_a_translator_cannot_accept_a_redirect(pages, translator):
    """Accepting changes the Dutch text and the organisation's website, which only
    editors may change; a translator's language alone would leave the Dutch behind."""
    check_links()
    html = translator.get(reverse("admin:links_linkcheck_changelist")).content.decode()
    assert 'value="accept_redirects"' not in html
    dashboard = translator.get(reverse("admin:content_translation_dashboard")).content.decode()
    assert "?result__exact=redirected" not in dashboard
    accept(translator, LinkCheck.objects.get(url=pages.moved))
    assert f"[het nieuwe]({pages.moved})" in dutch_intro(pages.topic).intro
    assert f"[lo nuevo]({pages.moved})" in pages.topic.translations.get(language_code="es").intro
    assert Organisation.objects.get(slug="hulp").website == pages.moved
    assert LinkCheck.objects.filter(url=pages.moved).exists()


def test_the_links_since_when_they_fail_survive_a_day(pages):
    check_links()
    yesterday = timezone.now() - datetime.timedelta(days=1)
    LinkCheck.objects.filter(url=pages.missing).update(failing_since=yesterday)
    check_links()
    assert LinkCheck.objects.get(url=pages.missing).failing_since == yesterday
    assert LinkCheck.objects.get(url=pages.ok).failing_since is None


def test_accepting_a_link_no_longer_in_any_text_forgets_it(pages, editor):
    gone = LinkCheck.objects.create(
        url="https://gone.example/",
        result=Result.REDIRECTED,
        final_url="https://elsewhere.example/",
        checked_at=timezone.now(),
    )
    assert accept(editor, gone).status_code == 302
    assert not LinkCheck.objects.filter(pk=gone.pk).exists()
    assert not LinkCheck.objects.filter(url="https://elsewhere.example/").exists()


OLD, NEW = "https://old.example/p", "https://new.example/q"


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"[a]({OLD})", f"[a]({NEW})"),
        (f'[a]({OLD} "Title")', f'[a]({NEW} "Title")'),
        (f"See <{OLD}>.", f"See <{NEW}>."),
        (f"[a][r]\n\n[r]: {OLD}\n", f"[a][r]\n\n[r]: {NEW}\n"),
        (f"[a]({OLD}) and [b]({OLD}age)", f"[a]({NEW}) and [b]({OLD}age)"),
    ],
)
def test_an_address_is_replaced_where_the_markdown_links_to_it(text, expected):
    assert replaced_in_markdown(text, OLD, NEW) == expected


def test_an_address_that_cannot_be_replaced_safely_is_left_alone():
    # The text writes the & as an entity: the address readers get is not in it as such.
    assert replaced_in_markdown(f"[a]({OLD}?x=1&amp;y=2)", f"{OLD}?x=1&y=2", NEW) is None


def test_a_new_address_with_brackets_keeps_the_markdown_whole():
    new = written("https://en.example/wiki/Amsterdam_(city)")
    assert new == "https://en.example/wiki/Amsterdam_%28city%29"
    assert web_links(replaced_in_markdown(f"[a]({OLD}).", OLD, new)) == [new]
