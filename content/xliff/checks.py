"""What a translated text must keep of its Dutch: its links.

A translator translates the words of ``[text](address)``, never the address. A link
whose brackets a tool or a translator broke (``[text] (address)``, a lost ``)``)
renders as plain text, and an address that is not safe to follow is dropped by the
sanitiser; either way readers lose the link. So links are compared as readers get
them: rendered by the guide's own Markdown set-up (``content/markdown.py``), the
translation must link to exactly the addresses the Dutch links to. (The guide's rules
for content: every link comes from the source; a translation invents none.)
"""

from html.parser import HTMLParser

from django.utils.translation import gettext as _

from content.markdown import render_markdown


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.addresses = set()

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.addresses.add(dict(attrs).get("href") or "")


def links(markdown):
    """The addresses ``markdown`` links to once rendered for readers; ``""`` for a link
    the sanitiser left without an address."""
    parser = _Links()
    parser.feed(render_markdown(markdown))
    parser.close()
    return parser.addresses


def broken_links(source, target):
    """A message saying how the links of ``target`` differ from those of ``source``,
    or ``""`` when it keeps them all."""
    expected, found = links(source), links(target)
    if expected == found:
        return ""
    problems = []
    if missing := sorted(expected - found):
        problems.append(_("links missing: %(links)s") % {"links": ", ".join(missing)})
    if extra := sorted(found - expected):
        shown = ", ".join(address or _("(an address that is not allowed)") for address in extra)
        problems.append(_("links not in the Dutch: %(links)s") % {"links": shown})
    return _(
        "The links differ from the Dutch text (%(problems)s). Keep every "
        "[text](address) as it is and translate only the text between the brackets."
    ) % {"problems": "; ".join(problems)}
