"""Who is acting: the signed-in user as the use cases see it, free of any web framework."""

from dataclasses import dataclass

from housing.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    user_id: str
    email: str
    role: Role
    district: str | None = None
