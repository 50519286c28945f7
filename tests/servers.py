"""Real parts for tests that break them: a Redis server and a TCP proxy of their own.

A test that stops a cache or cuts a database connection starts its own copy on a free
port and never touches the machine's PostgreSQL or Redis service.
"""

import contextlib
import shutil
import socket
import subprocess
import threading
import time

import pytest

from scripts.serve import free_port

POSTGRES_PORT = 5432


def reachable(port, host="127.0.0.1"):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def wait_until(check, *, seconds=10, what="it"):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen within {seconds} s")
        time.sleep(0.05)


class RedisServer:
    """A ``redis-server`` on a free port that keeps nothing on disk; ``stop()`` and
    ``start()`` it again (on the same port) to play an outage."""

    def __init__(self, tmp_path, *extra):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (Debian's package redis-server)")
        self.port = free_port()
        self.command = [
            binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(tmp_path),
            *extra,
        ]  # fmt: skip
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_until(lambda: reachable(self.port), what="redis-server starting")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        wait_until(lambda: not reachable(self.port), what="redis-server stopping")

    def keys(self):
        """How many keys it holds."""
        import redis

        return redis.Redis.from_url(self.url).dbsize()


@contextlib.contextmanager
def redis_server(tmp_path, *extra):
    server = RedisServer(tmp_path, *extra)
    server.start()
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


class TcpProxy:
    """Forwards connections from a free port to ``target``; ``close()`` cuts every
    connection and refuses new ones, as a database that went away does.

    On Linux, closing a listening socket from another thread does not wake a thread
    blocked in ``accept()``: the socket is shut down first, and a flag checked after
    ``accept`` returns.
    """

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.closed = False
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.closed:
                client.close()
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def close(self):
        self.closed = True
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for connection in self.connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
