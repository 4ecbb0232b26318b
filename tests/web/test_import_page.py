"""The import page: officers and admins only; a bad file adds nothing and lists each problem."""

import io
from pathlib import Path

import pytest

from housing.vocabulary import Role
from tests import payloads
from tests.web.conftest import csrf

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def send(client, kind, name):
    return client.post(
        "/imports",
        data={"csrf_token": csrf(client, "/imports"), "kind": kind,
              "file": (io.BytesIO((FIXTURES / name).read_bytes()), name)},
        content_type="multipart/form-data",
    )  # fmt: skip


def test_a_bad_file_is_refused_whole_with_each_problem_and_the_choice_kept(
    client, person_signing_in, row_counts
):
    person_signing_in(client)
    before = row_counts()

    response = send(client, "young-people", "young_people_bad.csv")

    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "line 9, column Suitable: in custody is never recorded as suitable" in body
    assert 'value="young-people" checked' in body
    assert row_counts() == before


def test_a_good_file_is_brought_in_with_a_banner_saying_what_was_done(client, person_signing_in):
    person_signing_in(client, Role.ADMIN)

    response = send(client, "young-people", "young_people_mosaic.xlsx")

    assert response.status_code == 302
    assert "2 young people added, 0 updated" in client.get("/imports").get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.HOUSE_PROJECT_COORDINATOR])
def test_other_roles_cannot_open_the_page(client, person_signing_in, role):
    person_signing_in(client, role, "crawley" if role is Role.DISTRICT_OFFICER else None)

    assert client.get("/imports").status_code == 403


def test_current_placements_are_brought_in_on_the_page_after_their_young_people(
    client, person_signing_in, officer
):
    for name, route, place in (("Worthing Foyer", "supported_accommodation", "Worthing"),
                               ("Haywards Heath lodgings", "supported_lodgings", "Haywards Heath"),
                               ("Bognor council flat", "register_vacancy", "Bognor Regis")):  # fmt: skip
        body = payloads.option(route, name=name, place=place, available_from="2026-01-01", min_age=16)
        assert client.post("/api/v1/options", json=body, headers=officer).status_code == 201
    person_signing_in(client)
    assert "Current placements (where each young person lives now)" in client.get("/imports").get_data(
        as_text=True
    )
    send(client, "young-people", "young_people_lcs.csv")

    response = send(client, "placements", "placements_lcs.csv")

    assert response.status_code == 302
    assert "placements_lcs.csv: 3 placements added, 0 updated" in client.get("/imports").get_data(
        as_text=True
    )
