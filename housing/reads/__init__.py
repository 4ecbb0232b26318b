"""Reads the faces need: queries returning frozen dataclasses with names resolved, so that a
face never imports SQLAlchemy."""
