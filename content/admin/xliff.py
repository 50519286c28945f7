"""Translators' files in the admin: an action on the topics exports them as XLIFF, and an
upload page imports them (``content/xliff/`` does the work, as the commands do).

Editors and translators may both do either: an import changes translations only,
never the Dutch, and each kind of text needs the permission its own screen needs.
Nothing is saved unless every file passes. When the only problem is that the Dutch
changed after the export, the page offers to import anyway: the files themselves
are then sent back signed by the server (for this user, for an hour), so the second
step imports exactly what the first one checked, without uploading them again.
"""

import base64

from django import forms
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from content.models import Organisation, SectionTranslation, TopicTranslation
from content.xliff import documents
from content.xliff.exporting import ONLY, export, zipped
from content.xliff.importing import apply, check
from guide.languages import LANGUAGES, SOURCE_LANGUAGE

#: The most an upload may weigh, all files together (the whole guide in one language
#: is about 60 KB).
MAX_UPLOAD_BYTES = 1024 * 1024
#: How long the "import anyway" choice stays open.
CONFIRM_SECONDS = 3600

TRANSLATIONS = [(lang.code, _(lang.name)) for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE]

#: The permission each kind of text needs, as on its own screen.
PERMISSIONS = {
    TopicTranslation: "content.change_topic",
    SectionTranslation: "content.change_section",
    Organisation: "content.change_organisation",
}


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=TRANSLATIONS)
    only = forms.ChoiceField(
        label=_("Texts"),
        required=False,
        choices=[("", _("all texts")), *((state.value, state.label) for state in ONLY)],
        help_text=_("Only the texts that are missing, outdated or machine-assisted, or all."),
    )
    organisations = forms.BooleanField(
        label=_("Also the organisations' descriptions"), required=False, initial=True
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(file, initial) for file in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=TRANSLATIONS,
        help_text=_("Files in another language are refused."),
    )
    files = MultipleFileField(
        label=_("XLIFF files"),
        help_text=_("One or more .xlf files exported from this guide, together at most 1 MB."),
    )
    reviewed = forms.BooleanField(
        label=_("Checked by a person"),
        required=False,
        help_text=_(
            "Tick this when a person translated or checked every text in these files. "
            "Otherwise only the texts a file marks as translated, signed off or final count "
            "as checked; the others are shown to readers as made with a computer."
        ),
    )


# --- Export: an action on the topic list ---------------------------------------------


def download(files, name):
    """One file as it is; several in a zip archive called ``name``.zip."""
    if len(files) == 1:
        [(filename, data)] = files.items()
        content_type = "application/x-xliff+xml"
    else:
        filename, data, content_type = f"{name}.zip", zipped(files), "application/zip"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@admin.action(description=_("Export for translators (XLIFF)"), permissions=["change"])
def export_for_translators(model_admin, request, queryset):
    """Asks for a language (and which texts), then downloads the selected topics."""
    form = ExportForm(request.POST if "xliff_export" in request.POST else None)
    if form.is_valid():
        language, only = form.cleaned_data["language"], form.cleaned_data["only"] or None
        organisations = form.cleaned_data["organisations"] and request.user.has_perm(
            "content.view_organisation"
        )
        files = export(language, only=only, topics=queryset, organisations=organisations)
        if files:
            return download(files, f"guide-{language}-{only}" if only else f"guide-{language}")
        model_admin.message_user(
            request, gettext("There is nothing to translate in these texts."), messages.WARNING
        )
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Export for translators (XLIFF)"),
        "opts": model_admin.model._meta,
        "form": form,
        "topics": queryset,
        "action": "export_for_translators",
    }
    return TemplateResponse(request, "admin/xliff/export.html", context)


# --- Import: an upload page ---------------------------------------------------------


def _salt(request):
    return f"content.admin.xliff.import:{request.user.pk}"


def _signed(request, uploaded, form):
    """The files just checked, signed for the "import anyway" step."""
    files = [(name, base64.b64encode(data).decode()) for name, data in uploaded]
    data = {"files": files, **{key: form.cleaned_data[key] for key in ("language", "reviewed")}}
    return signing.dumps(data, salt=_salt(request), compress=True)


def _unsigned(request):
    """``(files, language, reviewed)`` from the "import anyway" step, or ``None`` when
    its signature is wrong or an hour old."""
    try:
        data = signing.loads(
            request.POST.get("confirm", ""), salt=_salt(request), max_age=CONFIRM_SECONDS
        )
    except signing.BadSignature:
        return None
    files = [(name, base64.b64decode(content)) for name, content in data["files"]]
    return files, data["language"], data["reviewed"]


def _import(request, files, language, reviewed, force):
    """Check ``files`` (``[(name, bytes)]``); save them if they pass. Returns the
    result of the check, or the problems of files that cannot be read."""
    read, unreadable = [], []
    for name, data in files:
        try:
            read.append(documents.read(name, data))
        except documents.DocumentError as error:
            unreadable.append(f"{name}: {error}")
    if unreadable:
        return None, unreadable
    result = check(read, language=language, reviewed=reviewed)
    needed = {PERMISSIONS[type(row.target)] for row in result.changes}
    if not request.user.has_perms(needed):
        raise PermissionDenied
    if result.can_import(force) and result.changes:
        apply(result, force=force, who=request.user.get_username(), user=request.user)
    return result, []


def _done(model_admin, request, result):
    count, language = result.imported, dict(TRANSLATIONS)[result.language]
    if count:
        message = ngettext(
            "%(count)d text imported in %(language)s (%(unchanged)d unchanged).",
            "%(count)d texts imported in %(language)s (%(unchanged)d unchanged).",
            count,
        )
    else:
        message = gettext("Nothing to import: the guide already has every text in these files.")
    values = {"count": count, "language": language, "unchanged": result.unchanged}
    model_admin.message_user(request, message % values, messages.SUCCESS)
    return redirect("admin:content_topic_changelist")


@csrf_protect
def _upload(request, model_admin):
    if "confirm" in request.POST:
        return _import_anyway(request, model_admin)
    form = ImportForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return _page(model_admin, request, {"form": form})
    uploaded = [(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
    language, reviewed = form.cleaned_data["language"], form.cleaned_data["reviewed"]
    result, unreadable = _import(request, uploaded, language, reviewed, force=False)
    if result and result.can_import():
        return _done(model_admin, request, result)
    context = {"form": form, "result": result, "unreadable": unreadable}
    if result and not result.errors:
        context["confirm"] = _signed(request, uploaded, form)
    return _page(model_admin, request, context)


def _import_anyway(request, model_admin):
    """The second step, when the Dutch changed after the export: the files the first
    step checked, imported with ``force``."""
    saved = _unsigned(request)
    if saved is None:
        return _page(model_admin, request, {"form": ImportForm(), "expired": True})
    files, language, reviewed = saved
    result, unreadable = _import(request, files, language, reviewed, force=True)
    if result and result.can_import(force=True):
        return _done(model_admin, request, result)
    form = ImportForm(initial={"language": language, "reviewed": reviewed})
    return _page(model_admin, request, {"form": form, "result": result, "unreadable": unreadable})


def _page(model_admin, request, context, status=200):
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Import from translators (XLIFF)"),
        "opts": model_admin.model._meta,
        "max_megabytes": MAX_UPLOAD_BYTES // (1024 * 1024),
        **context,
    }
    return TemplateResponse(request, "admin/xliff/import.html", context, status=status)


def _too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES
    except ValueError:
        return True


def urls(model_admin):
    """The upload page, for ``TopicAdmin.get_urls``."""

    # Not a word of a request is read before its size is known: a larger one is
    # refused as it is; the others go on to the CSRF check (``_upload``).
    @csrf_exempt
    def upload(request):
        if not model_admin.has_change_permission(request):
            raise PermissionDenied
        if request.method == "POST" and _too_large(request):
            return _page(model_admin, request, {"form": ImportForm(), "too_large": True}, 413)
        return _upload(request, model_admin)

    view = model_admin.admin_site.admin_view(upload)
    return [path("import-xliff/", view, name="content_topic_import_xliff")]
