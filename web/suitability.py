"""The share of care leavers in suitable accommodation, by age band, for the officers' home page.

Offered to templates as a function, so the deadlines page shows it with one include
(`_suitability.html`) and its view need not change.
"""

from flask import Blueprint

from housing import ssda903
from housing.reads import suitability

bp = Blueprint("suitability", __name__)


@bp.app_context_processor
def figures() -> dict:
    return {
        "suitability_source_18_to_21": suitability.SOURCE_18_TO_21,
        "accommodation_names": ssda903.ACCOMMODATION,
    }
