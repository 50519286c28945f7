"""A reader reports a mistake in a real browser: no JavaScript needed, no cookie set."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from feedback.models import Report

AXE = Axe()


def assert_no_violations(page):
    results = AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture
def reader(browser):
    """A browser with JavaScript off: the form must work without it."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 780})
    yield context
    context.close()


def test_a_report_sent_in_arabic_arrives_and_the_reader_gets_no_cookie(reader, site):
    page = reader.new_page()
    page.goto(site + "/ar/topics/health-care/")
    page.get_by_label("ما الخطأ أو ما الناقص؟").fill("رقم الهاتف لم يعد يعمل.")
    page.get_by_role("button", name="إرسال").click()
    assert page.url == site + "/ar/topics/health-care/report/thanks/"
    assert page.get_by_role("heading", level=1).inner_text() == "شكرًا على رسالتك"
    assert reader.cookies() == []
    report = Report.objects.get()
    assert (report.language, report.text) == ("ar", "رقم الهاتف لم يعد يعمل.")


def test_a_form_that_cannot_be_accepted_comes_back_with_the_message_and_passes_axe(browser, site):
    page = browser.new_page()
    page.goto(site + "/es/organisations/kruispost/")
    page.get_by_label("¿Qué está mal o qué falta?").fill("Cambió el horario.")
    page.eval_on_selector("input[name=token]", "input => input.value = 'caducado'")
    page.get_by_role("button", name="Enviar").click()
    assert page.url == site + "/es/organisations/kruispost/report/"
    assert page.get_by_label("¿Qué está mal o qué falta?").input_value() == "Cambió el horario."
    assert "envíalo de nuevo" in page.content()
    assert_no_violations(page)
    page.get_by_role("button", name="Enviar").click()
    assert page.url.endswith("/es/organisations/kruispost/report/thanks/")
    assert Report.objects.get().text == "Cambió el horario."
    page.close()
