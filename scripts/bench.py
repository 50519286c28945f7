"""`make bench`: how fast the guide serves, measured against a static file.

Starts gunicorn (production settings, 2 sync workers) on 127.0.0.1 over a separate
SQLite database holding the real content plus 100 made-up topics and 1,000
organisations, drives it with wrk, and prints requests/s, latency and the ratio to the
static file served by the same server. A measurement, not a test: nothing here fails
on a slow machine.

A shared machine's speed drifts by a fifth from one minute to the next, so the targets
take turns: ROUNDS rounds of DURATION / ROUNDS each, and each figure is the median of
its rounds. A ratio then compares targets measured in the same minutes.
"""

import re
import statistics
import subprocess
import sys
import tempfile
import urllib.request

from serve import at_scale, gunicorn

DURATION = sys.argv[1] if len(sys.argv) > 1 else "10s"
CONNECTIONS = "16"
ROUNDS = 5


def seconds(duration):
    return int(duration.removesuffix("s"))


def milliseconds(latency):
    """wrk's ``870.00us``, ``5.23ms`` or ``1.02s`` in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", latency).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, duration):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{duration}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", output))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        rate,
        milliseconds(latency["50"]),
        milliseconds(latency["99"]),
        int(errors.group(1)) if errors else 0,
    )


def stylesheet(base):
    html = urllib.request.urlopen(base + "/nl/").read().decode()
    return base + re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)


def main():
    with tempfile.TemporaryDirectory() as work:
        env = at_scale(work)
        topic = "/nl/topics/health-care/"
        with gunicorn(env) as cached, gunicorn(env | {"PAGE_CACHE": "0"}) as uncached:
            targets = [
                ("static file (CSS, whitenoise)", stylesheet(cached)),
                ("topic page, page cache", cached + topic),
                ("topic page, no page cache", uncached + topic),
                ("organisation list, page cache", cached + "/nl/organisations/"),
                ("organisation list, no page cache", uncached + "/nl/organisations/"),
                ("privacy page (no query), no cache", uncached + "/nl/privacy/"),
                ("search (never cached)", cached + "/nl/search/?q=huisartsen"),
            ]
            for _name, url in targets:
                urllib.request.urlopen(url).read()  # fill the cache
            each = max(1, seconds(DURATION) // ROUNDS)
            rounds = [[wrk(url, each) for _name, url in targets] for _round in range(ROUNDS)]
    by_target = zip(*rounds, strict=True)  # each target's results, one per round
    results = [
        (name, *map(statistics.median, zip(*runs, strict=True)))
        for (name, _url), runs in zip(targets, by_target, strict=True)
    ]
    static_rate = results[0][1]
    print(
        f"\nwrk -t2 -c{CONNECTIONS}, {ROUNDS} rounds of {each}s per target (medians), "
        "gunicorn 2 sync workers, gzip accepted\n"
    )
    print(f"{'target':<34} {'req/s':>8} {'p50':>9} {'p99':>9} {'× static':>9} {'errors':>7}")
    for name, rate, p50, p99, errors in results:
        print(
            f"{name:<34} {rate:>8.0f} {p50:>7.2f}ms {p99:>7.2f}ms "
            f"{rate / static_rate:>9.2f} {errors:>7.0f}"
        )


if __name__ == "__main__":
    main()
