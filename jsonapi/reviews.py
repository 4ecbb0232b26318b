"""Pathway reviews (issue 31): at least every six months and on a change of placement (`housing.reviews`)."""

from flask.views import MethodView

from housing.clock import today
from housing.models import YoungPerson
from housing.permissions import CASE_READERS
from housing.reads import pathway_reviews
from housing.services import reviews
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import page_body, page_of
from httpkit.store import db
from jsonapi.schemas.reviews import DueReviewSchema, DueReviewsQuery, ReviewSchema, ReviewsSchema

blp = Blueprint("reviews", __name__, url_prefix="/api/v1", description="Pathway reviews")


@blp.route("/young-people/<young_person_id>/reviews")
class Reviews(MethodView):
    @requires(*CASE_READERS)
    @blp.response(200, ReviewsSchema)
    def get(self, young_person_id: str) -> pathway_reviews.Reviews:
        """When their next housing review is due, its status, and the reviews held (audited)."""
        return pathway_reviews.reviews_of(db(), actor(), young_person_id, today())

    @requires(*CASE_READERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(ReviewSchema)
    @blp.response(201, ReviewSchema)
    def post(self, body: dict, young_person_id: str):
        """Record a review held (by an officer or a team manager): the next falls due six months on."""
        return reviews.record(db(), actor(), young_person_id, body, today())


@blp.route("/reviews-due")
class ReviewsDue(MethodView):
    @requires(*CASE_READERS)
    @blp.arguments(DueReviewsQuery, location="query")
    @blp.response(200, page_of(DueReviewSchema))
    def get(self, query: dict) -> dict:
        """Young people 16 to 25 whose review is overdue or due within 28 days, soonest first."""
        found, total, _counts = pathway_reviews.due_reviews(
            db(), actor(), today(), tuple(query["status"]), page=query["page"], page_size=query["page_size"]
        )
        return page_body(found, total, query)
