"""gunicorn as the service runs in production: `gunicorn -c gunicorn.conf.py --workers N --bind ADDRESS`.

Workers keep nothing another worker needs (page sessions, lock-outs and idempotency keys live in
PostgreSQL), so any number may run, on any number of machines, behind any balancer.
"""

wsgi_app = "api:create_app()"
# The app is built once in the master and each worker is a fork of it, ready at once. Without this
# a replaced worker imported Flask, SQLAlchemy, numpy and OR-Tools afresh (2-7 s on 2 busy cores),
# and under repeated kills every worker could be one still starting: /health went unanswered for
# up to 32 s (make crash). The app opens no connection while it is built (api.create_app), and
# post_fork empties each worker's pool all the same, so no two processes ever share a connection.
preload_app = True
worker_class = "gthread"  # threads wait on PostgreSQL side by side
# Two: with four, a thread running the matcher held the interpreter while its neighbours waited to
# read PostgreSQL's answers, and reads took twice as long inside the worker (make load, README).
threads = 2
keepalive = 75  # longer than a balancer's idle timeout, so the balancer closes first, never a request
graceful_timeout = 20
loglevel = "info"
accesslog = errorlog = "-"
capture_output = True
# The route and the time served; never the query string, whose filters could carry personal values.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# The path as the client sent it, its newlines and other control characters escaped: an encoded
# newline in a path would otherwise write a second, forged line (httpkit/log_lines.py).
logger_class = "httpkit.access_log.EscapingLogger"


def post_fork(server, _worker) -> None:
    """A forked worker starts with an empty pool: connections are never shared across processes."""
    server.app.wsgi().extensions["pathways"].engine.dispose(close=False)
