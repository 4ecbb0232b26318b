"""gunicorn's access log with every value a client chose escaped (`logger_class` in gunicorn.conf.py).

Only gunicorn imports this module: it needs gunicorn (the `trust` extra), the app does not.
"""

from gunicorn.glogging import Logger

from httpkit.log_lines import escaped


class EscapingLogger(Logger):
    """The path, query, referrer, user agent and request headers escaped before they are formatted."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        return {
            name: escaped(value) for name, value in super().atoms(resp, req, environ, request_time).items()
        }
