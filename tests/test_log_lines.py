"""Log lines cannot be forged: a newline a client encodes in a path is written escaped (issue 27)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from httpkit.log_lines import escaped

FORGED = '/api/v1/x\n127.0.0.1 - - "GET /api/v1/audit" 200\r\x1b[2J\u2028'


def test_control_characters_and_line_separators_are_escaped_and_the_rest_kept():
    assert escaped(FORGED) == '/api/v1/x\\x0a127.0.0.1 - - "GET /api/v1/audit" 200\\x0d\\x1b[2J\\u2028'
    assert escaped("/young-people/Zoë") == "/young-people/Zoë"
    assert escaped(200) == 200


def test_the_access_log_writes_an_encoded_newline_in_a_path_on_one_line():
    glogging = pytest.importorskip("gunicorn.glogging")
    from httpkit.access_log import EscapingLogger  # noqa: PLC0415

    config = SimpleNamespace(access_log_format="", accesslog=None, errorlog="-", loglevel="info",
                             logconfig=None, logconfig_dict={}, logconfig_json=None, syslog=False,
                             capture_output=False, disable_redirect_access_to_syslog=False,
                             user=0, group=0, umask=0, statsd_host=None, dogstatsd_tags="")  # fmt: skip
    logger = EscapingLogger.__new__(EscapingLogger)
    logger.cfg = config
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/x%0Ay",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": FORGED,
    }
    response = SimpleNamespace(status="404 NOT FOUND", sent=10, headers=[])
    request = SimpleNamespace(headers=[])

    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=3))
    plain = glogging.Logger.atoms(logger, response, request, environ, timedelta(milliseconds=3))

    assert "\n" in plain["U"]  # what gunicorn's own logger would have written
    assert "\n" not in atoms["U"]
    assert atoms["U"].startswith("/api/v1/x\\x0a127.0.0.1")


def test_the_apps_own_error_log_escapes_the_path(app, caplog):
    with app.test_request_context("/api/v1/x%0Aforged"):
        try:
            raise RuntimeError
        except RuntimeError as error:
            response = app.handle_user_exception(error)

    assert response[1] == 500
    [line] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("unhandled RuntimeError")]
    assert line.startswith("unhandled RuntimeError on GET /api/v1/x\\x0aforged\n")


def test_a_name_searched_for_in_the_header_never_reaches_the_access_log():
    """The header search sends `?q=<name>`; the access log writes the path alone (issue 27)."""
    pytest.importorskip("gunicorn.glogging")
    import runpy  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from httpkit.access_log import EscapingLogger  # noqa: PLC0415

    config = runpy.run_path(str(Path(__file__).parents[1] / "gunicorn.conf.py"))
    logger = EscapingLogger.__new__(EscapingLogger)
    logger.cfg = SimpleNamespace()
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/?q=Testy+Exampleton", "SERVER_PROTOCOL": "HTTP/1.1",
               "PATH_INFO": "/", "QUERY_STRING": "q=Testy+Exampleton"}  # fmt: skip
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=3))

    line = config["access_log_format"] % logger.atoms_wrapper_class(atoms)

    assert config["logger_class"] == "httpkit.access_log.EscapingLogger"
    assert line.endswith('"GET /" 200 10 3ms')
    assert "Testy" not in line
