"""The page numbers of the list pages: which page was asked for, and how many there are."""

from flask import request


def page_asked(name: str = "page") -> int:
    """The page a query asks for; anything but a positive whole number means the first."""
    return max(request.args.get(name, 1, type=int), 1)


def page_count(total: int, page_size: int) -> int:
    """At least one page, so an empty list still shows as page 1 of 1."""
    return max((total + page_size - 1) // page_size, 1)
