"""`make instructions`: how many CPU instructions the guide spends on one request.

Timing a small change on a shared machine tells little: its speed drifts by a fifth
within minutes. Instruction counts repeat to half a percent. This serves a page
in-process (production settings, page cache off unless ``PAGE_CACHE=1``) over the
bench's content, under valgrind's callgrind, twice after the same warm-up: once with
no further request and once with COUNT more. The difference divided by COUNT is what
one request costs. It leaves out caches and memory stalls, so use it to compare two
versions of the code, and `make bench` for the rate a server reaches.

    python scripts/instructions.py [PATH] [COUNT]
"""

import gc
import io
import re
import subprocess
import sys
import tempfile

from serve import PYTHON, ROOT, at_scale

WARM_UP = 30


def serve(path, count):
    """Run inside valgrind: warm up, then ask for ``path`` ``count`` more times."""
    sys.path.insert(0, str(ROOT))
    from guide.wsgi import application

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }

    def request():
        response = application({**environ, "wsgi.input": io.BytesIO()}, lambda *args: None)
        b"".join(response)
        response.close()

    for _ in range(WARM_UP):
        request()
    gc.freeze()  # as gunicorn.conf.py does
    for _ in range(count):
        request()


CALLGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--cache-sim=no"]


def instructions(env, path, count):
    output = subprocess.run(
        [*CALLGRIND, PYTHON, __file__, "--serve", path, str(count)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return int(re.search(r"Collected : (\d+)", output).group(1))


def main(path, count):
    with tempfile.TemporaryDirectory() as work:
        env = {"PAGE_CACHE": "0"} | at_scale(work) | {"DJANGO_SETTINGS_MODULE": "guide.settings"}
        base = instructions(env, path, 0)
        more = instructions(env, path, count)
    print(f"{path}: {(more - base) / count / 1e6:.2f} million instructions per request")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        main(
            sys.argv[1] if len(sys.argv) > 1 else "/nl/topics/health-care/",
            int(sys.argv[2]) if len(sys.argv) > 2 else 100,
        )
