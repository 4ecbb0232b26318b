"""Providers brought in from a file (a commissioning team's list, or Ofsted's own data download):
all or nothing, keyed by Ofsted number.

Every row is checked first by the PROVIDER_REGISTRATION rule (`housing.services.providers.problems`)
and against the other rows (one number, one line); if any row is wrong nothing is written and every
problem is named with its line and column. A number already held is updated, so the same file sent
again changes nothing. One audit entry names the import; each provider added or changed is named too.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import audit_words
from housing.actors import Actor
from housing.db import transaction
from housing.models import Provider
from housing.models.types import new_id
from housing.services import audit, import_problems, providers
from housing.services.import_problems import Problem, Progress
from housing.services.young_people_import import Outcome
from housing.vocabulary import OfstedRating

FIELDS = ("name", "rating", "inspected_on")


@dataclass(frozen=True)
class Ready:
    ofsted_number: str
    name: str
    rating: OfstedRating
    inspected_on: date | None


def checked(
    _session: Session,
    rows: Sequence[tuple[int, dict[str, Any]]],
    problems: Sequence[Problem],
    today: date,
    progress: Progress = lambda _: None,
) -> list[Ready]:
    """The rows as providers ready to write, or ImportRefused naming every problem (`_session`: the
    same call as the other imports', whose rules read the store)."""
    seen: dict[str, int] = {}

    def check(line: int, fields: dict[str, Any]) -> tuple[list[Problem], Ready]:
        cells = {"inspected_on": None} | fields
        wrong = list(providers.problems(cells, today))
        number = providers.ofsted_number(fields["ofsted_number"])
        if number in seen:
            wrong.append(("ofsted_number", f"the same Ofsted number as line {seen[number]}"))
        seen.setdefault(number, line)
        row = Ready(number, fields["name"].strip(), cells["rating"], cells["inspected_on"])
        return [Problem(line, column, why) for column, why in wrong], row

    return import_problems.every_row(rows, problems, check, progress)


def write(
    session: Session, actor: Actor, ready: Sequence[Ready], _today: date, progress: Progress = lambda _: None
) -> Outcome:
    """Adds or updates each provider in one transaction: all of them, or none."""
    outcome = Outcome()
    with transaction(session):
        held = {p.ofsted_number: p for p in session.scalars(select(Provider))}
        for row in import_problems.counted(ready, progress):
            provider = held.get(row.ofsted_number)
            if provider is None:
                provider = Provider(id=new_id(), ofsted_number=row.ofsted_number, name=row.name,
                                    rating=row.rating, inspected_on=row.inspected_on)  # fmt: skip
                session.add(provider)
                audit.record(session, actor, "create", None,
                             f"provider {row.name} ({row.ofsted_number}), from an imported file")  # fmt: skip
                outcome.created.append(provider.id)
            elif changed := _changes(provider, row):
                for f in FIELDS:
                    setattr(provider, f, getattr(row, f))
                detail = f"provider {row.name}: {', '.join(changed)}, from an imported file"
                audit.record(session, actor, "update", None, detail)
                outcome.updated.append(provider.id)
            else:
                outcome.unchanged.append(provider.id)
        providers.flush_or_conflict(session)
        audit.record(session, actor, "import", None, f"providers from a file: {len(ready)} rows")
    return outcome


def _changes(provider: Provider, row: Ready) -> list[str]:
    """What a row changes of the provider held, in words ("rating from good to outstanding")."""
    said = audit_words.value
    return [
        f"{providers.WORDS[f]} from {said(getattr(provider, f))} to {said(getattr(row, f))}"
        for f in FIELDS
        if getattr(provider, f) != getattr(row, f)
    ]
