"""`make bench`'s load run: 64 connections for a minute over a mix of pages in every
language, with the embedded default (pages in each worker's memory) and with a shared
Redis. It reports errors, answers other than 2xx and the 99th percentile; the target
is no errors and no other answers at all.

Production settings, the default number of gunicorn workers (2×CPU+1), the real
content plus 100 made-up topics and 1,000 organisations on SQLite. The Redis is a
redis-server of its own on a free port, which keeps nothing on disk.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serve import at_scale, free_port, gunicorn

HERE = Path(__file__).resolve().parent
DURATION = os.environ.get("LOAD_DURATION", "60s")
CONNECTIONS = 64
LANGUAGES = ["nl", "en", "es", "fr", "pt", "ar", "id", "tl"]
TOPICS = [
    "health-care", "education", "reporting-a-crime", "housing", "residence-permit",
    "return", "city-facilities", "lvv-programme",
]  # fmt: skip
ORGANISATIONS = ["kruispost", "cak", "stichting-los", "wereldhuis"]


def paths():
    """Every kind of reader's page, in every language."""
    for language in LANGUAGES:
        yield f"/{language}/"
        yield from (f"/{language}/topics/{slug}/" for slug in TOPICS)
        yield f"/{language}/about/"
        yield f"/{language}/organisations/"
        yield f"/{language}/organisations/?topic=health-care"
        yield from (f"/{language}/organisations/{slug}/" for slug in ORGANISATIONS)
        yield f"/{language}/privacy/"


def load(url):
    command = [
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "10s",
        "-s", str(HERE / "load.lua"), url, "--", *paths(),
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def redis(work):
    port = free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", work,
         "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return server, f"redis://127.0.0.1:{port}/0"


def main():
    workers = str(os.cpu_count() * 2 + 1)
    results = []
    with tempfile.TemporaryDirectory() as work:
        env = at_scale(work)
        with gunicorn(env, workers=workers) as url:
            results.append(("local memory (default)", load(url)))
        server, redis_url = redis(work)
        try:
            with gunicorn(env | {"REDIS_URL": redis_url}, workers=workers) as url:
                results.append(("shared Redis", load(url)))
        finally:
            server.terminate()
    print(
        f"\nLoad: wrk -c{CONNECTIONS} for {DURATION}, {len(list(paths()))} pages in "
        f"{len(LANGUAGES)} languages in turn, gunicorn {workers} sync workers\n"
    )
    print(
        f"{'cache':<24} {'requests':>9} {'req/s':>7} {'errors':>7} {'non-2xx':>8} {'p50':>9} {'p99':>9}"
    )
    for name, run in results:
        errors = run["connect"] + run["read"] + run["write"] + run["timeout"]
        print(
            f"{name:<24} {run['requests']:>9} {run['rate']:>7.0f} {errors:>7} {run['status']:>8} "
            f"{run['p50_ms']:>7.1f}ms {run['p99_ms']:>7.1f}ms"
        )
    if any(
        run["connect"] + run["read"] + run["write"] + run["timeout"] + run["status"]
        for _n, run in results
    ):
        sys.exit("errors or answers other than 2xx: see above")


if __name__ == "__main__":
    main()
