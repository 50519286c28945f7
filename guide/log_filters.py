"""Logging filters that keep visitors' traces out of the logs."""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")


class WithoutQueryString(logging.Filter):
    """Drops the query string from logged request lines ("GET /nl/?topic=x HTTP/1.1").

    What someone chose or searched for is as revealing as who they are.
    """

    def filter(self, record):
        if isinstance(record.args, tuple):
            record.args = tuple(
                QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif not record.args:
            record.msg = QUERY_STRING.sub("", str(record.msg))
        return True


#: An IPv4 or IPv6 address, with or without a port.
ADDRESS = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"
    r"|\[?\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b\]?(?::\d+)?",
    re.IGNORECASE,
)
#: The server's own lines that name the address it listens on: kept as they are.
SERVER_LINES = ("Listening at", "Control socket")


class WithoutVisitorTraces(logging.Filter):
    """For gunicorn's error log: no client address, no query string.

    gunicorn writes "Invalid request from ip=…" with the raw request line for a
    malformed request, and the requested URI with an error. Whatever happened, the
    log keeps what went wrong, not who asked or what they asked for.
    """

    def filter(self, record):
        message = record.getMessage()
        if not message.startswith(SERVER_LINES):
            message = ADDRESS.sub("-", QUERY_STRING.sub("", message))
        record.msg, record.args = message, ()
        return True
