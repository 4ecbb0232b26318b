"""The admin's users page: create a user of any role, change their role, reset a password, issue or
revoke a token, disable, enable and unlock them; every change audited."""

from collections.abc import Callable

from flask import g, render_template, request

from housing import password_rules
from housing.audit_words import ROLE_NAMES
from housing.errors import Conflict, Invalid, NotFound
from housing.permissions import STAFF
from housing.reads import accounts as account_reads
from housing.reads import reference
from housing.reads.accounts import Account
from housing.services import accounts
from housing.vocabulary import Role
from httpkit.store import db
from web.sessions import page, page_blueprint

bp = page_blueprint("user_pages", __name__)


@bp.get("/users")
@page(Role.ADMIN)
def users() -> tuple[str, int]:
    return _users_page()


def _users_page(
    form: dict | None = None,
    errors: dict[str, str] | None = None,
    done: dict | None = None,
    status: int = 200,
) -> tuple[str, int]:
    """`done` says what just changed; a token is shown in it once, never kept anywhere but as its hash."""
    return render_template(
        "users.html",
        users=account_reads.listed(db()),
        role_names={role.value: ROLE_NAMES.get(role, role.value) for role in Role},
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
    if form["role"] not in {role.value for role in STAFF}:
        errors["role"] = "Choose what they do"
    elif form["role"] == Role.DISTRICT_OFFICER and not form["district"]:
        errors["district"] = "Choose the council a district officer works for"
    if password and (refused := password_rules.problem(password)):
        errors["password"] = f"The password {refused}, or leave it empty"
    if errors:
        return _users_page(form, errors, status=400)
    role = Role(form["role"])
    district = form["district"] if role is Role.DISTRICT_OFFICER else None
    try:
        token = accounts.create_user(db(), form["email"], role, district, by=g.actor)
    except Invalid:
        return _users_page(form, {"district": "Choose the council a district officer works for"}, status=400)
    except Conflict:
        return _users_page(form, {"email": "A user with this email address already exists"}, status=409)
    if password:
        accounts.set_password(db(), form["email"], password, by=g.actor)
    return _users_page(done={"what": f"{form['email']} created", "token": token})


def _password(user: Account) -> tuple[str, int]:
    password = request.form.get("password", "")
    if refused := password_rules.problem(password):
        return _users_page(errors={f"password-{user.id}": f"The password {refused}"}, status=400)
    accounts.set_password(db(), user.email, password, by=g.actor)
    return _users_page(done={"what": f"New password set for {user.email}"})


def _token(user: Account) -> tuple[str, int]:
    token = accounts.issue_token(db(), user.email, by=g.actor)
    return _users_page(done={"what": f"New API token issued to {user.email}", "token": token})


def _role(user: Account) -> tuple[str, int]:
    field = f"role-{user.id}"
    role, district = request.form.get("role", ""), request.form.get("district", "") or None
    if role not in {r.value for r in STAFF}:
        return _users_page(errors={field: "Choose what they do"}, status=400)
    district = district if role == Role.DISTRICT_OFFICER else None
    try:
        accounts.change_role(db(), user.email, Role(role), district, by=g.actor)
    except Invalid as refused:
        message = (
            "You cannot take your own admin role away"
            if "role" in refused.fields
            else "Choose the council a district officer works for"
        )
        return _users_page(errors={field: message}, status=400)
    return _users_page(done={"what": f"{user.email} is now {ROLE_NAMES.get(Role(role), role)}"})


def _simple(action: Callable, words: str) -> Callable[[Account], tuple[str, int]]:
    def change(user: Account) -> tuple[str, int]:
        try:
            action(db(), user.email, by=g.actor)
        except Invalid:
            return _users_page(errors={f"status-{user.id}": "You cannot disable yourself"}, status=400)
        return _users_page(done={"what": words.format(email=user.email)})

    return change


CHANGES: dict[str, Callable[[Account], tuple[str, int]]] = {
    "password": _password,
    "token": _token,
    "role": _role,
    "revoke": _simple(accounts.revoke, "API token of {email} revoked: it no longer works"),
    "disable": _simple(
        accounts.disable, "{email} disabled: their token, password and open pages stopped working"
    ),
    "enable": _simple(accounts.enable, "{email} enabled: their token and password work again"),
    "unlock": _simple(accounts.unlock, "{email} unlocked: failed sign-ins against them forgotten"),
}


@bp.post("/users/<user_id>/<change>")
@page(Role.ADMIN)
def change(user_id: str, change: str) -> tuple[str, int]:
    """One change to one user, named by the form's action."""
    user = account_reads.one(db(), user_id)
    if user is None or change not in CHANGES:
        return render_template("error.html", title="Page not found", code=404), 404
    try:
        return CHANGES[change](user)
    except NotFound:
        return render_template("error.html", title="Page not found", code=404), 404
