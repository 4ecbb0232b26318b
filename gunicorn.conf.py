"""gunicorn as the service runs in production: `gunicorn -c gunicorn.conf.py --workers N --bind ADDRESS`.

Workers keep nothing another worker needs (sessions are signed cookies, limits and locks live in
PostgreSQL), so any number may run, on any number of machines, behind any balancer.
"""

wsgi_app = "api:create_app()"
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
