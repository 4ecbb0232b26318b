"""Signing in to the pages, for the page tests."""

import re

import pytest

from housing.services import accounts
from housing.vocabulary import Role

PASSWORD = "correct horse battery"


@pytest.fixture
def person_signing_in(app, auth):
    """Create a user with a password; returns a function that signs a client in as them."""

    def sign_in(client, role=Role.HOUSING_OFFICER, district=None):
        auth.token(role, district)
        email = f"{role.value}.{district or ('crawley' if role is Role.DISTRICT_OFFICER else 'county')}@test.example"
        with app.extensions["pathways"].writer_factory() as session:
            accounts.set_password(session, email, PASSWORD)
        page = client.get("/sign-in")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
        return client.post(
            "/sign-in", data={"email": email, "password": PASSWORD, "csrf_token": token}
        ), email

    return sign_in


def csrf(client, path="/sign-in") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)
