"""Run the guide under gunicorn with production settings, for benchmarks and tests
that need real server processes (several of them, against one database)."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, static_root, **extra):
    """Production settings, on plain HTTP at 127.0.0.1 (no TLS proxy in front)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return env | {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": "http://127.0.0.1",
        **extra,
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env, *, generate=None):
    """Migrate, load the content (and made-up content at scale), collect static files."""
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_content")
    if generate:
        manage(env, "generate_content", "--alongside-real-content", *generate)
    manage(env, "collectstatic", "--no-input", "-v", "0")


def at_scale(work):
    """Production settings over a new SQLite database in the folder ``work``: the real
    content plus 100 made-up topics and 1,000 organisations, static files collected.
    What benchmarks measure."""
    env = production_env(f"sqlite:///{Path(work) / 'bench.sqlite3'}", Path(work) / "static")
    prepare(env, generate=["--topics", "100", "--organisations", "1000"])
    return env


@contextmanager
def gunicorn(env, *, workers=2, log=subprocess.DEVNULL):
    """A running gunicorn; yields its base URL."""
    port = free_port()
    env = env | {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    server = subprocess.Popen([GUNICORN, "guide.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("gunicorn did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
