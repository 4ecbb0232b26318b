"""The admin's users page: create a user of any role, reset a password, issue or revoke a token, audited."""

from flask import g, render_template, request

from housing.errors import Conflict, Invalid, NotFound
from housing.services import accounts, reference
from housing.vocabulary import Role
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("user_pages", __name__)
ROLE_NAMES = {
    Role.HOUSING_OFFICER: "Housing officer",
    Role.DISTRICT_OFFICER: "District council officer",
    Role.HOUSE_PROJECT_COORDINATOR: "House Project coordinator",
    Role.ADMIN: "Admin",
    Role.TEAM_MANAGER: "Team manager",
}


@bp.get("/users")
@page(Role.ADMIN)
def users(
    form: dict | None = None,
    errors: dict[str, str] | None = None,
    done: dict | None = None,
    status: int = 200,
) -> tuple[str, int]:
    """`done` says what just changed; a token is shown in it once, never kept anywhere but as its hash."""
    return render_template(
        "users.html",
        users=accounts.listed(db()),
        role_names={role.value: name for role, name in ROLE_NAMES.items()},
        districts=reference.districts(db()),
        form=form or {"email": "", "role": "", "district": ""},
        done=done,
        errors=errors or {},
    ), status


@bp.post("/users")
@page(Role.ADMIN)
def create() -> tuple[str, int]:
    form = {key: request.form.get(key, "").strip() for key in ("email", "role", "district")}
    password = request.form.get("password", "")
    errors = {}
    if "@" not in form["email"] or len(form["email"]) > 254:
        errors["email"] = "Enter their email address, like name@westsussex.gov.uk"
    if form["role"] not in {role.value for role in Role}:
        errors["role"] = "Choose what they do"
    elif form["role"] == Role.DISTRICT_OFFICER and not form["district"]:
        errors["district"] = "Choose the council a district officer works for"
    if password and len(password) < accounts.MIN_PASSWORD_LENGTH:
        errors["password"] = (
            f"Enter a password of at least {accounts.MIN_PASSWORD_LENGTH} characters, or none"
        )
    if errors:
        return users.__wrapped__(form, errors, status=400)
    role = Role(form["role"])
    district = form["district"] if role is Role.DISTRICT_OFFICER else None
    try:
        token = accounts.create_user(db(), form["email"], role, district, by=g.actor)
    except Invalid:
        return users.__wrapped__(
            form, {"district": "Choose the council a district officer works for"}, status=400
        )
    except Conflict:
        return users.__wrapped__(form, {"email": "A user with this email address already exists"}, status=409)
    if password:
        accounts.set_password(db(), form["email"], password, by=g.actor)
    return users.__wrapped__(done={"what": f"{form['email']} created", "token": token})


@bp.post("/users/<user_id>/<change>")
@page(Role.ADMIN)
def change(user_id: str, change: str) -> tuple[str, int]:
    """Reset a password, issue a new token (the old stops working) or revoke the token."""
    user = next((u for u in accounts.listed(db()) if u.id == user_id), None)
    if user is None or change not in ("password", "token", "revoke"):
        return render_template("error.html", title="Page not found", code=404), 404
    try:
        if change == "password":
            password = request.form.get("password", "")
            if len(password) < accounts.MIN_PASSWORD_LENGTH:
                message = f"Enter a password of at least {accounts.MIN_PASSWORD_LENGTH} characters"
                return users.__wrapped__(errors={f"password-{user_id}": message}, status=400)
            accounts.set_password(db(), user.email, password, by=g.actor)
            return users.__wrapped__(done={"what": f"New password set for {user.email}"})
        if change == "token":
            token = accounts.issue_token(db(), user.email, by=g.actor)
            return users.__wrapped__(done={"what": f"New API token issued to {user.email}", "token": token})
        accounts.revoke(db(), user.email, by=g.actor)
    except NotFound:
        return render_template("error.html", title="Page not found", code=404), 404
    return users.__wrapped__(done={"what": f"API token of {user.email} revoked: it no longer works"})
