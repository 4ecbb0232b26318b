"""The HTTP layer: blueprints, schemas, authentication and the one error envelope."""
