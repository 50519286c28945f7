"""Submitting an admin change form in a test, as the browser would.

Only what the page shows (its fieldsets, the inlines and the hidden fields) is sent,
so a form that needs a field the editor cannot see fails here as it does in a browser.
"""

import datetime


def _value(bound_field):
    value = bound_field.value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, (list, tuple)):
        return [str(getattr(item, "pk", item)) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def _shown_fields(admin_form):
    """The form's fields an editor sees and can change, plus its hidden fields."""
    names = []
    for fieldset in admin_form:
        for line in fieldset:
            for admin_field in line:
                if not admin_field.is_readonly:
                    names.append(admin_field.field.name)
    names += [field.name for field in admin_form.form.hidden_fields()]
    return [admin_form.form[name] for name in dict.fromkeys(names)]


def change_form_data(response, **changes):
    """The POST data of the admin form on ``response``, with ``changes`` applied.

    ``changes`` use the form's field names; inline fields use their prefixed names
    (``sections-0-body``).
    """
    shown = _shown_fields(response.context["adminform"])
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        shown += [management[name] for name in management.fields]
        for inline_form in inline:
            shown += _shown_fields(inline_form)
    for bound_field in shown:
        value = _value(bound_field)
        if value is not None:
            data[bound_field.html_name] = value
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data
