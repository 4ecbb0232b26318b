"""The audit trail and the health check."""

from flask.views import MethodView
from marshmallow import Schema, fields

from housing.db import answers
from housing.permissions import AUDITORS
from housing.reads import audit_trail
from httpkit.auth import actor, public, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.audit import AuditEntrySchema, AuditQuery

blp = Blueprint("audit", __name__, url_prefix="/api/v1", description="Audit and health")


class AuditListQuery(PageQuery, AuditQuery):
    pass


@blp.route("/audit")
class Audit(MethodView):
    @requires(*AUDITORS)
    @blp.arguments(AuditListQuery, location="query")
    @blp.response(200, page_of(AuditEntrySchema))
    def get(self, query: dict) -> dict:
        """Who viewed or changed a young person's record, when, and what (oldest first)."""
        entries, total = audit_trail.list_entries(
            db(), actor(), query.get("young_person"), query["page"], query["page_size"]
        )
        return page_body(entries, total, query)


class HealthSchema(Schema):
    status = fields.String(metadata={"description": "ok, or unavailable"})
    database = fields.String(metadata={"description": "ok, or unavailable"})


@blp.route("/health")
class Health(MethodView):
    @public
    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="the database does not answer")
    def get(self) -> tuple[dict, int]:
        """Whether the service and its database answer (503 while the database does not)."""
        if not answers(db()):
            return {"status": "unavailable", "database": "unavailable"}, 503
        return {"status": "ok", "database": "ok"}, 200
