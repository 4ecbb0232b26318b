"""Day-by-day capacity under concurrent accepts: a place still held by an ended placement stays held.

Each option has two places, one held until well after today by a placement already ended; the
contenders all start today. `placed` (the lasting placements) lets each of them through the
conditional update, so only the day-by-day check, made under the option's row lock, stops a second.
"""

from datetime import UTC, date, datetime

from housing.invariants import broken
from housing.models import Option, Placement, Proposal
from housing.vocabulary import Role
from tests.builders import a_young_person, contest, race

HELD_UNTIL = date(2099, 1, 1)


def held_until_later(app, proposal_ids: list[str], trial: int) -> None:
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        option = session.get(Option, session.get(Proposal, proposal_ids[0]).option_id)
        option.capacity = 2
        leaver = a_young_person(f"LEFT-{trial}")
        session.add(leaver)
        session.flush()
        session.add(
            Placement(
                young_person_id=leaver.id, option_id=option.id, status="ended", created_at=datetime.now(UTC),
                created_by="test", starts_on=date(2026, 1, 1), ends_on=HELD_UNTIL, end_reason="moved_on",
                held_until=HELD_UNTIL,
            )
        )  # fmt: skip


def test_of_concurrent_accepts_for_the_one_place_free_on_every_day_exactly_one_wins(app, auth):
    postgres = app.config["DATABASE_URL"].startswith("postgresql")
    trials, contenders = (60, 6) if postgres else (6, 3)
    headers = auth.headers(Role.HOUSING_OFFICER)
    outcomes = []
    for trial in range(trials):
        proposals = contest(app, trial, contenders, same_place=True)
        held_until_later(app, proposals, trial)
        outcomes.append(race(app, headers, proposals))

    assert all(outcome == [200] + [409] * (contenders - 1) for outcome in outcomes), outcomes
    with app.extensions["pathways"].session_factory() as session:
        assert broken(session) == {}
