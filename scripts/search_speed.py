"""`make bench`'s search timing: how long a search takes in-process, over the bench's
content (the real guide plus 100 made-up topics and 1,000 organisations), and how many
SQL queries it makes. The targets: a median of at most 30 ms, a 99th percentile of at
most 60 ms, at most 3 queries. A measurement, not a test.

    python scripts/search_speed.py
"""

import io
import statistics
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

from serve import PYTHON, ROOT, at_scale

#: What readers type, in every language: words, a plural, a part of a word, two words.
QUERIES = {
    "nl": ["huisartsen", "arts", "aangifte politie", "school", "huren"],
    "en": ["lawyers", "doctor", "report crime", "shelter", "sports fees"],
    "es": ["medico", "abogado", "escuela", "denuncia policia", "alquilar"],
    "fr": ["ecole", "avocat", "medecin", "plainte", "louer"],
    "pt": ["medico", "advogado", "escola", "alugar", "retorno"],
    "ar": ["محام", "طبيب", "المدرسة", "بلاغ الشرطة", "العودة"],
    "id": ["dokter", "sekolah", "pengacara", "magang", "polisi"],
    "tl": ["abogado", "doctor", "paaralan", "pulis", "balik"],
}
ROUNDS = 10


def measure():
    """Inside the child process: Django with the bench's settings."""
    sys.path.insert(0, str(ROOT))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guide.wsgi import application

    def get(path):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path.split("?")[0],
            "QUERY_STRING": path.split("?")[1],
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.input": io.BytesIO(),
        }
        status = []
        body = b"".join(application(environ, lambda s, h: status.append(s)))
        assert status[0].startswith("200"), (path, status[0])
        return body

    paths = [
        f"/{language}/search/?q={quote(query)}"
        for language, queries in QUERIES.items()
        for query in queries
    ]
    for path in paths:  # warm up
        get(path)
    timings, queries = [], 0
    for _round in range(ROUNDS):
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                get(path)
                timings.append((time.perf_counter() - started) * 1000)
            queries = max(queries, len(captured))
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(
        f"\nSearch in-process, {len(timings)} searches ({len(paths)} queries in "
        f"{len(QUERIES)} languages, {ROUNDS} rounds): median {statistics.median(timings):.1f} ms, "
        f"p99 {p99:.1f} ms, at most {queries} SQL queries"
    )


def main():
    with tempfile.TemporaryDirectory() as work:
        env = at_scale(work) | {"DJANGO_SETTINGS_MODULE": "guide.settings"}
        subprocess.run([PYTHON, __file__, "--measure"], env=env, cwd=ROOT, check=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure()
    else:
        main()
