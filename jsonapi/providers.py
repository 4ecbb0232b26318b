"""Providers of supported accommodation and supported lodgings: Ofsted registration and rating.

Read by those who place or plan places (officers, team managers, commissioners); recorded and changed
by officers. A provider is an organisation, not a person: its changes are audited by name.
"""

from flask.views import MethodView

from housing.clock import today
from housing.models import Provider
from housing.permissions import OFFICERS, PROVIDER_READERS
from housing.reads import providers as provider_reads
from housing.services import providers
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.schemas import PageQuery, page_body, page_of
from httpkit.store import db
from jsonapi.schemas.providers import ProviderPatchSchema, ProviderSchema, ProvidersQuery

blp = Blueprint("providers", __name__, url_prefix="/api/v1/providers", description="Providers")


class ProvidersListQuery(PageQuery, ProvidersQuery):
    pass


@blp.route("")
class Providers(MethodView):
    @requires(*PROVIDER_READERS)
    @blp.arguments(ProvidersListQuery, location="query")
    @blp.response(200, page_of(ProviderSchema))
    def get(self, query: dict) -> dict:
        """List providers alphabetically; `q`: words in the name or Ofsted number."""
        found, total = provider_reads.search(db(), **query)
        return page_body(found, total, query)

    @requires(*OFFICERS)
    @blp.arguments(ProviderSchema)
    @blp.response(201, ProviderSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, data: dict) -> provider_reads.Listed:
        """Record a provider; an Ofsted number already held is a 409."""
        return provider_reads.get(db(), providers.create(db(), actor(), data).id)


@blp.route("/<provider_id>")
class OneProvider(MethodView):
    @requires(*PROVIDER_READERS)
    @blp.response(200, ProviderSchema)
    def get(self, provider_id: str) -> provider_reads.Listed:
        """One provider, with the options naming it and their places."""
        return provider_reads.get(db(), provider_id)

    @requires(*OFFICERS)
    @exists(Provider, "provider_id")
    @blp.arguments(ProviderPatchSchema)
    @blp.response(200, ProviderSchema)
    @blp.alt_response(409, response="CONFLICT")
    def patch(self, changes: dict, provider_id: str) -> provider_reads.Listed:
        """Change any fields; a new rating needs its inspection's date (422 otherwise)."""
        return provider_reads.get(db(), providers.update(db(), actor(), provider_id, changes, today()).id)
