"""Exchanging translations with translators as XLIFF 1.2 files.

Translators work in their own tools (CAT tools such as OmegaT, Trados, memoQ or
Poedit), which read and write XLIFF. ``export_xliff`` (and an action on the topics in
the admin) writes one file per topic, and one for the organisations' descriptions,
with the Dutch as source and the current translation as target; ``import_xliff`` (and
an upload page in the admin) checks a returned file whole and only then saves it:

- ``units.py``: what a file holds, one unit per translated field, with ids that stay
  the same from one export to the next, read from and written to the database;
- ``documents.py``: XLIFF itself (translate-toolkit), and refusing unsafe XML;
- ``exporting.py`` and ``importing.py``: the two directions; ``checks.py``: what a
  translated text must keep of its Dutch.
"""
