"""Queries over the store that more than one face uses: what they select, never a transaction."""
