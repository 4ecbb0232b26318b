"""References are one whatever their case, spacing or width; names and references refuse invisible
controls (issue 27)."""

import pytest

from tests import payloads


def post(client, officer, **fields):
    return client.post("/api/v1/young-people", json=payloads.young_person(**fields), headers=officer)


@pytest.mark.parametrize("again", ["ws-0001", " WS-0001 ", "WS -0001", "ＷＳ－０００１", "Ws-0001  "])
def test_a_reference_differing_only_by_case_spaces_or_width_is_the_same_reference(
    client, officer, row_counts, again
):
    assert post(client, officer, reference="WS-0001").status_code == 201
    before = row_counts()

    refused = post(client, officer, reference=again)

    assert refused.status_code == 409
    assert refused.json["message"] == "another young person already has this reference"
    assert row_counts() == before


def test_a_reference_is_kept_trimmed_with_full_width_characters_as_plain_ones(client, officer):
    made = post(client, officer, reference="  ＷＳ－０００２ ")

    assert made.status_code == 201
    assert made.json["reference"] == "WS-0002"


def test_changing_a_reference_to_anothers_in_another_case_is_refused(client, officer):
    post(client, officer, reference="WS-0001")
    other = post(client, officer, reference="WS-0002").json["id"]

    refused = client.patch(f"/api/v1/young-people/{other}", json={"reference": "ws-0001"}, headers=officer)

    assert refused.status_code == 409


@pytest.mark.parametrize("field", ["reference", "given_name", "family_name"])
@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u200b", "\u200f", "\ufeff"])
def test_a_right_to_left_override_or_zero_width_character_is_refused_naming_the_field(
    client, officer, row_counts, field, control
):
    before = row_counts()
    value = {"reference": "WS-0003", "given_name": "Ada", "family_name": "Lovelace"}[field]

    refused = post(client, officer, **{field: value[:2] + control + value[2:]})

    assert refused.status_code == 422
    assert "invisible or right-to-left control" in refused.json["errors"]["json"][field][0]
    assert row_counts() == before


def test_an_options_name_refuses_a_right_to_left_override(client, officer):
    body = payloads.option(
        "supported_accommodation", name="Flat\u202e1 kcolB", place="Worthing", registered_16_17=True
    )

    refused = client.post("/api/v1/options", json=body, headers=officer)

    assert refused.status_code == 422
    assert "name" in refused.json["errors"]["json"]
