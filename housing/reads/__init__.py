"""Reads the pages and the API need: queries returning frozen dataclasses with names resolved."""
