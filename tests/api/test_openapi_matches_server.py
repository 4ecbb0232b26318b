"""The OpenAPI document admits what the server admits, where the probe of issue 27 found it did not."""

import pytest

from housing.vocabulary import OFFICER_END_REASONS, EndReason
from tests.builders import TODAY, option, placed, young_person


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").json


def test_a_placement_ends_reason_lists_only_the_reasons_an_officer_may_send(client, officer, document):
    listed = document["components"]["schemas"]["PlacementEnd"]["properties"]["reason"]["enum"]
    placement = placed(client, officer, young_person(client, officer, "E"), option(client, officer))

    refused = client.post(f"/api/v1/placements/{placement['id']}/end", headers=officer,
                          json={"ends_on": TODAY.isoformat(), "reason": EndReason.NOMINATION_DECLINED.value})  # fmt: skip

    assert listed == [reason.value for reason in EndReason if reason in OFFICER_END_REASONS]
    assert EndReason.NOMINATION_DECLINED.value not in listed
    assert refused.status_code == 422


def test_current_accommodation_is_its_own_schema_or_null_never_any_object(client, officer, document):
    documented = document["components"]["schemas"]["YoungPerson"]["properties"]["current_accommodation"]
    person = young_person(client, officer, "C")

    refused = client.patch(
        f"/api/v1/young-people/{person}", json={"current_accommodation": {"colour": 1}}, headers=officer
    )

    assert documented["allOf"] == [{"$ref": "#/components/schemas/CurrentAccommodation"}]
    assert documented["nullable"] is True
    assert "anyOf" not in documented
    assert refused.status_code == 422
