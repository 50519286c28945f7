"""A local web server with the answers a link checker must tell apart, and a guard
that keeps the link tests off the internet.

The server listens on a free port of 127.0.0.1 and records what it was asked: each
request's method, path and User-Agent, and how many requests it was answering at
once, per Host and in all.
"""

import socket
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scripts.serve import free_port

LOCAL_NAMES = {"127.0.0.1", "localhost", "::1"}
#: How long the checker waits in the link tests; the slow page takes four times as long.
TIMEOUT = 0.5

#: path: (status, Location) for the simple answers.
ANSWERS = {
    "/ok": (200, None),
    "/moved": (301, "/ok"),
    "/moved-for-now": (302, "/ok"),
    "/moved-twice": (302, "/moved"),
    "/moved-to-missing": (308, "/missing"),
    "/missing": (404, None),
    "/error": (500, None),
    "/loop": (301, "/loop"),
}


class LinkServer:
    def __init__(self, *, slow_seconds=4 * TIMEOUT, pause_seconds=0.3):
        self.slow_seconds = slow_seconds
        self.pause_seconds = pause_seconds
        self.port = free_port()
        self._lock = threading.Lock()
        self.reset()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False

    def reset(self):
        with self._lock:
            self.requests = []  # (method, path, host name)
            self.agents = set()
            self.busy = Counter()
            self.most_at_once = defaultdict(int)
            self.most_in_all = 0

    def url(self, path, host="127.0.0.1"):
        return f"http://{host}:{self.port}{path}"

    def asked(self, path, method=None):
        """How often ``path`` was asked for (with ``method``, or any)."""
        return sum(1 for m, p, _h in self.requests if p == path and method in (None, m))

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _arrived(self, handler):
        host = handler.headers.get("Host", "").rsplit(":", 1)[0]
        with self._lock:
            self.requests.append((handler.command, handler.path, host))
            self.agents.add(handler.headers.get("User-Agent"))
            self.busy[host] += 1
            self.most_at_once[host] = max(self.most_at_once[host], self.busy[host])
            self.most_in_all = max(self.most_in_all, sum(self.busy.values()))
        return host

    def _left(self, host):
        with self._lock:
            self.busy[host] -= 1

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, location=None):
                self.done()  # before the client can have its answer and ask again
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "2")
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(b"ok")

            def respond(self):
                path = self.path.split("?")[0]
                if path in ANSWERS:
                    self.answer(*ANSWERS[path])
                elif path == "/slow":
                    time.sleep(server.slow_seconds)
                    self.answer(200)
                elif path.startswith("/pause/"):
                    time.sleep(server.pause_seconds)
                    self.answer(200)
                elif path == "/no-head":
                    self.answer(405 if self.command == "HEAD" else 200)
                else:
                    self.answer(404)

            def done(self):
                if self.host is not None:
                    server._left(self.host)
                    self.host = None

            def handle_one(self):
                self.host = server._arrived(self)
                try:
                    self.respond()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the checker gave up waiting
                finally:
                    self.done()

            do_GET = do_HEAD = handle_one

        return Handler


def keep_off_the_internet(monkeypatch):
    """No name but this machine's resolves, and no proxy is asked: a link test that
    would reach another site finds its host name unknown instead."""
    real_getaddrinfo = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in LOCAL_NAMES:
            raise socket.gaierror(socket.EAI_NONAME, "tests never reach the internet")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def refused_url():
    """An address on a port nobody listens on."""
    return f"http://127.0.0.1:{free_port()}/"
