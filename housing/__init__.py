"""The store of every housing route and the domain rules that govern it."""
