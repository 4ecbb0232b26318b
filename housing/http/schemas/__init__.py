"""Marshmallow schemas: validation at the edge, and one output shape per record."""
