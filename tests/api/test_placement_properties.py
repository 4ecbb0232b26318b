"""A property: ending placements and running again never proposes a place still taken on the run's date."""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from housing.models import Placement
from housing.occupancy import holds_on
from seeds.load import clear_case_data
from tests.builders import TODAY, option, run, young_person

county = st.fixed_dictionaries(
    {
        "capacities": st.lists(st.integers(1, 2), min_size=1, max_size=3),
        "first": st.integers(1, 4),
        "ends": st.lists(st.one_of(st.none(), st.integers(0, 20)), min_size=4, max_size=4),
        "newcomers": st.integers(0, 3),
        "run_after": st.integers(0, 30),
    }
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(county=county)
def test_ending_then_running_again_never_proposes_a_place_still_taken(app, client, officer, county):
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        clear_case_data(session)
    places = [option(client, officer, "supported_lodgings", capacity=c, name=f"Host {n}")
              for n, c in enumerate(county["capacities"])]  # fmt: skip
    for n in range(county["first"]):
        young_person(client, officer, f"FIRST-{n}")
    for proposal in run(client, officer)["proposals"]:
        assert client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=officer).status_code == 200
    with app.extensions["pathways"].session_factory() as session:
        placed = list(session.scalars(select(Placement.id).order_by(Placement.id)))
    for placement, days in zip(placed, county["ends"], strict=False):
        if days is not None:
            ends_on = (TODAY + timedelta(days=days)).isoformat()
            ended = client.post(f"/api/v1/placements/{placement}/end", json={"ends_on": ends_on, "reason": "other"},
                                headers=officer)  # fmt: skip
            assert ended.status_code == 200, ended.json
    for n in range(county["newcomers"]):
        young_person(client, officer, f"NEW-{n}")

    as_of = TODAY + timedelta(days=county["run_after"])
    proposals = run(client, officer, as_of=as_of)["proposals"]

    with app.extensions["pathways"].session_factory() as session:
        holds = session.execute(select(Placement.option_id, Placement.starts_on, Placement.held_until)).all()
    for place, capacity in zip(places, county["capacities"], strict=True):
        taken = holds_on([(start, until) for option_id, start, until in holds if option_id == place], as_of)
        assert sum(p["option"] == place for p in proposals) <= capacity - taken
