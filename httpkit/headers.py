"""Security headers on every response, pages and API alike.

Nothing the service builds is kept by a browser or a proxy (`Cache-Control: no-store`): its JSON,
downloads and pages carry personal data, and a shared computer's back button or cache must not show
them to the next person. The GOV.UK Frontend files and our script stay cacheable: they hold none.

The Content-Security-Policy admits only the service's own assets; the one inline script the
GOV.UK template needs (it marks the page as having JavaScript) carries a fresh nonce per request.
"""

import secrets

from flask import Flask, Response, g, request

STATIC_ENDPOINTS = ("assets", "static")  # files from disk, the same for everyone


def nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def init_app(app: Flask) -> None:
    @app.context_processor
    def template_nonce() -> dict:
        return {"cspNonce": nonce()}

    @app.after_request
    def secure(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' 'nonce-{nonce()}'; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        if request.endpoint not in STATIC_ENDPOINTS:
            response.headers["Cache-Control"] = "no-store"
        if app.config["SESSION_COOKIE_SECURE"]:  # HSTS outside development, where https is the rule
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response
