"""Reads: what a page or an API answer shows, assembled once, as plain values with names resolved."""
