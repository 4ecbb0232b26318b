"""The Setting Up Home Allowance on a young person's record: officers only, every view and change audited."""

from flask.views import MethodView

from housing.clock import today
from housing.models import YoungPerson
from housing.permissions import OFFICERS
from housing.services import setting_up_home
from httpkit.auth import actor, exists, requires
from httpkit.blueprint import Blueprint
from httpkit.store import db
from jsonapi.schemas.setting_up_home import SettingUpHomeAnswerSchema, SettingUpHomeSchema

blp = Blueprint("setting_up_home", __name__, url_prefix="/api/v1", description="Setting Up Home Allowance")


@blp.route("/young-people/<young_person_id>/setting-up-home")
class SettingUpHome(MethodView):
    @requires(*OFFICERS)
    @blp.response(200, SettingUpHomeAnswerSchema)
    def get(self, young_person_id: str) -> setting_up_home.Allowance:
        """The allowance granted, spent and remaining, and the day it was granted (nulls until recorded;
        an audited view of their record)."""
        return setting_up_home.view(db(), actor(), young_person_id)

    @requires(*OFFICERS)
    @exists(YoungPerson, "young_person_id")
    @blp.arguments(SettingUpHomeSchema)
    @blp.response(200, SettingUpHomeAnswerSchema)
    def put(self, body: dict, young_person_id: str) -> setting_up_home.Allowance:
        """Record or change the allowance: spent not more than granted, granted not in the future
        (422 otherwise); the change is audited naming what changed."""
        return setting_up_home.record(db(), actor(), young_person_id, body, today())
