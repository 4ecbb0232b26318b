"""Marshmallow schemas of the JSON API: validation at the edge, and one output shape per record."""
