"""The SSDA903 care leavers' items for the county's 903 team: a year chosen, its figures, the file."""

from flask import Response, g, render_template, request

from housing.permissions import OFFICERS
from housing.reads import care_leaver_items
from housing.services import care_leaver_return
from httpkit.store import db
from jsonapi.ssda903 import attachment, care_leavers_csv, collection_year_now
from web.sessions import page, page_blueprint

bp = page_blueprint("returns", __name__)
EARLIEST, LATEST = 2000, 2199  # collection years a file may be asked for, as the API takes them
YEARS_SHOWN = 3  # this collection year and the two before: a return is sent once a year


@bp.get("/returns/ssda903")
@page(*OFFICERS)
def ssda903_page() -> tuple[str, int]:
    years = [collection_year_now() - back for back in range(YEARS_SHOWN)]
    asked = request.args.get("year", "")
    error = None if not asked or asked in map(str, years) else "Select one of the collection years listed"
    year = int(asked) if asked and not error else years[0]
    return render_template(
        "returns_ssda903.html", years=years, year=year, error=error,
        found=care_leaver_items.for_year(db(), year),
    ), 400 if error else 200  # fmt: skip


@bp.get("/returns/ssda903/care-leavers.csv")
@page(*OFFICERS)
def download() -> Response | tuple[str, int]:
    asked = request.args.get("year", "")
    if not (asked.isdigit() and EARLIEST <= int(asked) <= LATEST):
        return render_template(
            "error.html", title="Choose a collection year on the 903 return page", code=400
        ), 400
    year = int(asked)
    found = care_leaver_return.download(db(), g.actor, year)
    return attachment(care_leavers_csv(found), f"ssda903-oc3-{year - 1}-{year % 100:02d}.csv")
