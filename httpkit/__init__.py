"""The HTTP toolkit every face shares: the store per request, bearer tokens and roles, the blueprint
that parses and checks, the one error envelope, security headers and Idempotency-Key."""
