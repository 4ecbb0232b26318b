"""Who works the case: advisers, allocations of workers, adviser proposals, the team and the figures."""

import csv
import io
from typing import Any

from marshmallow import Schema, fields, validate

from housing.vocabulary import WorkerKind
from httpkit.schemas import Day
from httpkit.spreadsheets import neutralise

ID = fields.String(required=True, validate=validate.Length(min=1, max=32))


class AdviserSchema(Schema):
    id = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    base = fields.String(
        required=True, validate=validate.Length(min=1, max=64), metadata={"description": "a known place"}
    )
    caseload = fields.Integer(dump_only=True, metadata={"description": "young people allocated now"})
    cap = fields.Integer(
        dump_only=True, metadata={"description": "the caseload cap (a setting, 23 by default)"}
    )
    room = fields.Integer(
        dump_only=True, metadata={"description": "places left under the cap, never below 0"}
    )


class AllocationSchema(Schema):
    id = fields.String(dump_only=True)
    young_person = fields.String(attribute="young_person_id", dump_only=True)
    kind = fields.Enum(WorkerKind, by_value=True, required=True)
    worker = ID
    worker_name = fields.String(
        dump_only=True, metadata={"description": "the adviser's name, or the officer's email"}
    )
    base = fields.String(dump_only=True, allow_none=True, metadata={"description": "the adviser's base"})
    starts_on = Day(
        load_default=None, metadata={"description": "defaults to today; the current one ends then"}
    )
    ends_on = Day(dump_only=True, allow_none=True, metadata={"description": "null while current"})
    allocated_by = fields.String(dump_only=True)
    allocated_at = fields.DateTime(dump_only=True)
    as_proposed = fields.Boolean(
        dump_only=True, metadata={"description": "the adviser proposed was accepted"}
    )


class WorkersSchema(Schema):
    housing_officer = fields.Nested(AllocationSchema, allow_none=True)
    personal_adviser = fields.Nested(AllocationSchema, allow_none=True)
    history = fields.List(fields.Nested(AllocationSchema), metadata={"description": "newest first"})


class CaseworkAsOfQuery(Schema):
    as_of = Day(load_default=None, metadata={"description": "defaults to today"})


class ProposedSchema(Schema):
    young_person = fields.String(attribute="young_person.id")
    reference = fields.String(attribute="young_person.reference")
    given_name = fields.String(attribute="young_person.given_name")
    family_name = fields.String(attribute="young_person.family_name")
    adviser_due_on = Day(metadata={"description": "their 16½ date"})
    pathway_deadline = Day(attribute="young_person.pathway_deadline")
    adviser = fields.String(
        attribute="adviser_id", allow_none=True, metadata={"description": "null: no room"}
    )
    adviser_name = fields.String(allow_none=True)
    distance_km = fields.Float(
        allow_none=True, metadata={"description": "from the adviser's base to their links, weighted"}
    )
    continuity = fields.String(
        allow_none=True,
        metadata={"description": "sibling (a brother's or sister's adviser), previous, or null"},
    )


class ProposalsSchema(Schema):
    as_of = Day()
    cap = fields.Integer()
    waiting = fields.Integer(metadata={"description": "in scope with no adviser who has room"})
    items = fields.List(fields.Nested(ProposedSchema), metadata={"description": "nearest 17½ first"})


class AdviserAcceptedSchema(Schema):
    young_person = ID
    adviser = ID
    as_proposed = fields.Boolean(load_default=False, metadata={"description": "true: the proposal accepted"})
    starts_on = Day(load_default=None)


class AdvisersAcceptedSchema(Schema):
    allocations = fields.List(
        fields.Nested(AdviserAcceptedSchema), required=True, validate=validate.Length(min=1, max=500)
    )


class AllocatedSchema(Schema):
    items = fields.List(fields.Nested(AllocationSchema))


class AllocationsExportQuery(Schema):
    since = Day(load_default=None, metadata={"description": "allocations made on or after; default all"})


class ShareSchema(Schema):
    reached = fields.Integer(metadata={"description": "young people under 18 who have reached the age"})
    with_adviser = fields.Integer(
        metadata={"description": "of them, with an adviser who started by that age"}
    )
    percent = fields.Integer(allow_none=True)


class FiguresSchema(Schema):
    as_of = Day()
    cap = fields.Integer()
    by_16_and_a_half = fields.Nested(ShareSchema)
    by_17 = fields.Nested(ShareSchema)
    caseloads = fields.List(fields.Nested(AdviserSchema))


class TeamOfficerSchema(Schema):
    id = fields.String()
    email = fields.String()
    young_people = fields.Integer()


class TeamSchema(Schema):
    cap = fields.Integer()
    officers = fields.List(fields.Nested(TeamOfficerSchema))
    without_officer = fields.Integer(
        metadata={"description": "aged 16 to 25 with no housing support officer"}
    )
    advisers = fields.List(fields.Nested(AdviserSchema))
    without_adviser = fields.Integer(metadata={"description": "past 16½, not over 25, with no adviser"})


def presented(allocation) -> dict:
    """An allocation as the API shows it: the worker named (an adviser's name, an officer's email)."""
    adviser, officer = allocation.adviser, allocation.officer
    return {
        **{
            key: getattr(allocation, key)
            for key in (
                "id",
                "young_person_id",
                "kind",
                "starts_on",
                "ends_on",
                "allocated_by",
                "allocated_at",
                "as_proposed",
            )
        },
        "worker": allocation.adviser_id or allocation.officer_id,
        "worker_name": adviser.name if adviser else officer.email if officer else None,
        "base": adviser.base if adviser else None,
    }


EXPORT_COLUMNS = ("reference", "given_name", "family_name", "worker_kind", "worker", "base", "starts_on",
                  "ends_on", "allocated_by", "allocated_on", "as_proposed")  # fmt: skip


def allocations_csv(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    """Allocations for the county's case system, one a line; cells a spreadsheet would run made inert.

    Each row is the export's young person (`reference`, names) and the allocation as the API shows it.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row, a in rows:
        ends = a["ends_on"].isoformat() if a["ends_on"] else ""
        values = (row["reference"], row["given_name"], row["family_name"], a["kind"].value, a["worker_name"],
                  a["base"], a["starts_on"].isoformat(), ends, a["allocated_by"],
                  a["allocated_at"].date().isoformat(), "yes" if a["as_proposed"] else "no")  # fmt: skip
        writer.writerow(neutralise(value) for value in values)
    return out.getvalue()
