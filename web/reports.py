"""The monthly figures page: what an inspector asks for, as bar charts, their tables, and a CSV.

For those who manage the service (team managers, officers, admins) and for commissioners, who see
every count rounded (housing.disclosure). Figures about groups, never a record.
"""

import csv
import io

from flask import Response, g, render_template

from housing.clock import today
from housing.permissions import REPORT_READERS
from housing.reads import monthly_report
from housing.vocabulary import NominationStatus
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("reports", __name__)
SHARES = {
    "agreed_by_17_and_a_half": ("Pathway agreed by 17½", "reached 17½", "had a pathway agreed by then"),
    "adviser_by_16_and_a_half": ("Personal adviser by 16½", "reached 16½", "had a personal adviser by then"),
    "suitable_18_to_21": (
        "18 to 21 in suitable accommodation",
        "were 18 to 21 with their accommodation known",
        "were in suitable accommodation",
    ),
}
OUTCOME_WORDS = {
    NominationStatus.PENDING: "Awaiting an answer",
    NominationStatus.ACCEPTED: "Accepted",
    NominationStatus.DECLINED: "Declined",
    NominationStatus.WITHDRAWN: "Withdrawn by the county",
    NominationStatus.LAPSED: "Lapsed, no answer in time",
}


@bp.get("/reports/monthly")
@page(*REPORT_READERS)
def monthly() -> str:
    report = monthly_report.monthly(db(), g.actor, today())
    return render_template("monthly_report.html", report=report, shares=SHARES, outcome_words=OUTCOME_WORDS)


@bp.get("/reports/monthly.csv")
@page(*REPORT_READERS)
def download() -> Response:
    """One row a month and figure, then one a month and council: the same figures as the page."""
    report = monthly_report.monthly(db(), g.actor, today())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", "figure", "young people", "of whom", "per cent"])
    for month in report.months:
        for key, (name, _, _) in SHARES.items():
            share = month.shares[key]
            writer.writerow([month.first_day.strftime("%Y-%m"), name, share.whole, share.part, share.percent])
    for key, (name, _, _) in SHARES.items():
        share = report.year[key]
        writer.writerow(["the last 12 months", name, share.whole, share.part, share.percent])
    writer.writerow([])
    writer.writerow(["month", "council", "nominations made", *OUTCOME_WORDS.values()])
    for row in report.nominations:
        outcomes = [row.outcomes[status] for status in OUTCOME_WORDS]
        writer.writerow([row.first_day.strftime("%Y-%m"), row.council, row.made, *outcomes])
    headers = {"Content-Disposition": 'attachment; filename="monthly-figures.csv"'}
    return Response(out.getvalue(), mimetype="text/csv", headers=headers)
