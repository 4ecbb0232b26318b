"""Who is acting: the signed-in user as the use cases see it, free of any web framework."""

from dataclasses import dataclass
from typing import Any

from housing.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    user_id: str
    email: str
    role: Role
    district: str | None = None
    young_person_id: str | None = None  # a young person's own record, for the role `young_person`
    # The service itself, acting on an event (a run made after a rejection, a nomination lapsing).
    automatic: bool = False

    @property
    def audit_role(self) -> str:
        return "service" if self.automatic else self.role.value


def of_user(user: Any) -> Actor:
    """The actor a stored user is, whichever way they signed in (token, password, one-time link)."""
    return Actor(
        user_id=user.id,
        email=user.email,
        role=Role(user.role),
        district=user.district,
        young_person_id=user.young_person_id,
    )


# Who acts when no one asked: audited as the service, and a run it makes has no `created_by`.
SERVICE = Actor(user_id="", email="the service (automatic)", role=Role.ADMIN, automatic=True)
