"""A huge `?page=` on a list page shows an empty page, never a server error (issue 27)."""

import pytest

from housing.vocabulary import Role

HUGE = "99999999999999999999"

PAGES = [
    (Role.HOUSING_OFFICER, "/", "page"),
    (Role.HOUSING_OFFICER, "/", "nothing_page"),
    (Role.HOUSING_OFFICER, "/options", "page"),
    (Role.HOUSING_OFFICER, "/runs", "page"),
    (Role.ADMIN, "/audit", "page"),
    (Role.HOUSE_PROJECT_COORDINATOR, "/cohorts", "page"),
    (Role.DISTRICT_OFFICER, "/district", "page"),
    (Role.DISTRICT_OFFICER, "/district/applicants", "page"),
    (Role.DISTRICT_OFFICER, "/district/vacancies", "page"),
    (Role.DISTRICT_OFFICER, "/district/nominations/decided", "page"),
]


@pytest.mark.parametrize(("role", "path", "name"), PAGES)
def test_a_huge_page_number_is_answered_with_a_page_not_a_server_error(
    client, person_signing_in, role, path, name
):
    person_signing_in(client, role)

    response = client.get(path, query_string={name: HUGE})

    assert response.status_code == 200
