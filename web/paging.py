"""The page numbers of the list pages: which page was asked for, and how many there are."""

from flask import request

# As the API's `page` (httpkit/schemas.py): a page past this would ask the database for an offset
# it cannot hold (`?page=99999999999999999999` was a 500 on six list pages).
MAX_PAGE = 1_000_000


def page_asked(name: str = "page") -> int:
    """The page a query asks for; anything but a positive whole number means the first, and no
    page is past the millionth (which, at 50 a page, is past every list)."""
    return min(max(request.args.get(name, 1, type=int), 1), MAX_PAGE)


def page_count(total: int, page_size: int) -> int:
    """At least one page, so an empty list still shows as page 1 of 1."""
    return max((total + page_size - 1) // page_size, 1)
