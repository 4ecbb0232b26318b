"""The names the matcher's input uses, declared once here (tied to `housing.vocabulary` by a test).

The matcher takes plain strings so that it imports nothing of the service; these are the only
spellings it knows.
"""

REGISTER_VACANCY = "register_vacancy"
STAYING_PUT = "staying_put"
SUPPORTED_LODGINGS = "supported_lodgings"
SUPPORTED_ACCOMMODATION = "supported_accommodation"
HOUSE_PROJECT = "house_project"
PRIVATE_RENTED = "private_rented"  # v1.1: with the county's rent in advance and guarantor scheme
ROUTES = (
    REGISTER_VACANCY,
    STAYING_PUT,
    SUPPORTED_LODGINGS,
    SUPPORTED_ACCOMMODATION,
    HOUSE_PROJECT,
    PRIVATE_RENTED,
)

# Under 18, supported lodgings and accommodation must be Ofsted-registered (2023 Regulations).
SUPPORTED_ROUTES = frozenset({SUPPORTED_LODGINGS, SUPPORTED_ACCOMMODATION})
# Register vacancies, the House Project and private rented lead to a tenancy: a settled status is
# needed (for private rented, a landlord's right-to-rent check).
TENANCY_ROUTES = frozenset({REGISTER_VACANCY, HOUSE_PROJECT, PRIVATE_RENTED})
SETTLED = frozenset({"not_applicable", "leave_granted"})

SUPPORT_LEVELS = ("low", "medium", "high")
DUE_KINDS = ("pathway", "move")  # the post-18 pathway by 17½; a move, release or 18th-birthday date
# What is due, by tier (api-contract v1.2, "Tiers of what is due"), in the order a run serves them.
# The service computes each young person's tier; the matcher never derives one.
DUE_TIERS = ("move_now", "overdue", "soon", "later", "none")
# A run holds a place back only from these: the plan of the coming months keeps it for someone due sooner.
HOLDABLE_TIERS = frozenset({"later", "none"})
