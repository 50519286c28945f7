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
