"""A small map of West Sussex as SVG, drawn from the places' coordinates: no tiles, works offline."""

import math
from dataclasses import dataclass
from typing import Protocol


class Located(Protocol):
    name: str
    lat: float
    lon: float


WIDTH, HEIGHT, MARGIN = 640, 360, 24
# Named on every map, so a reader can find their way: the county's main towns, one or two a district.
LANDMARKS = ("Chichester", "Bognor Regis", "Littlehampton", "Worthing", "Shoreham-by-Sea", "Horsham",
             "Crawley", "Haywards Heath", "East Grinstead", "Midhurst")  # fmt: skip


@dataclass(frozen=True)
class Point:
    name: str
    x: float
    y: float


def project(places: list[Located], margin: float = MARGIN) -> dict[str, Point]:
    """Equirectangular projection, longitude scaled by the cosine of the mean latitude, fitted to the
    box within `margin` (wider where labels sit below the points)."""
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    scale_lon = math.cos(math.radians(sum(lats) / len(lats)))
    xs = [lon * scale_lon for lon in lons]
    x_span, y_span = (max(xs) - min(xs)) or 1.0, (max(lats) - min(lats)) or 1.0
    unit = min((WIDTH - 2 * margin) / x_span, (HEIGHT - 2 * margin) / y_span)
    return {
        p.name: Point(
            p.name, margin + (p.lon * scale_lon - min(xs)) * unit, margin + (max(lats) - p.lat) * unit
        )
        for p in places
    }


def around(places: list[Located], names: set[str], margin: float = 0.06) -> list[Located]:
    """The places within the box around `names` (widened by `margin` degrees each way), so that a
    map of a few places close together is drawn large enough to read on a phone."""
    chosen = [p for p in places if p.name in names]
    if not chosen:
        return places
    south, north = min(p.lat for p in chosen) - margin, max(p.lat for p in chosen) + margin
    west, east = min(p.lon for p in chosen) - 2 * margin, max(p.lon for p in chosen) + 2 * margin
    return [p for p in places if south <= p.lat <= north and west <= p.lon <= east]
