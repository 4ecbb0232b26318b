"""A small map of West Sussex as SVG, drawn from the places' coordinates: no tiles, works offline."""

import math
from dataclasses import dataclass

from housing.models import Place

WIDTH, HEIGHT, MARGIN = 640, 360, 24
# Named on every map, so a reader can find their way: the county's main towns, one or two a district.
LANDMARKS = ("Chichester", "Bognor Regis", "Littlehampton", "Worthing", "Shoreham-by-Sea", "Horsham",
             "Crawley", "Haywards Heath", "East Grinstead", "Midhurst")  # fmt: skip


@dataclass(frozen=True)
class Point:
    name: str
    x: float
    y: float


def project(places: list[Place]) -> dict[str, Point]:
    """Equirectangular projection, longitude scaled by the cosine of the mean latitude, fitted to the box."""
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    scale_lon = math.cos(math.radians(sum(lats) / len(lats)))
    xs = [lon * scale_lon for lon in lons]
    x_span, y_span = (max(xs) - min(xs)) or 1.0, (max(lats) - min(lats)) or 1.0
    unit = min((WIDTH - 2 * MARGIN) / x_span, (HEIGHT - 2 * MARGIN) / y_span)
    return {
        p.name: Point(
            p.name, MARGIN + (p.lon * scale_lon - min(xs)) * unit, MARGIN + (max(lats) - p.lat) * unit
        )
        for p in places
    }
