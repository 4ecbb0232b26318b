"""The names the matcher's input uses, declared once here (tied to `housing.vocabulary` by a test).

The matcher takes plain strings so that it imports nothing of the service; these are the only
spellings it knows.
"""

REGISTER_VACANCY = "register_vacancy"
STAYING_PUT = "staying_put"
SUPPORTED_LODGINGS = "supported_lodgings"
SUPPORTED_ACCOMMODATION = "supported_accommodation"
HOUSE_PROJECT = "house_project"
ROUTES = (REGISTER_VACANCY, STAYING_PUT, SUPPORTED_LODGINGS, SUPPORTED_ACCOMMODATION, HOUSE_PROJECT)

# Under 18, supported lodgings and accommodation must be Ofsted-registered (2023 Regulations).
SUPPORTED_ROUTES = frozenset({SUPPORTED_LODGINGS, SUPPORTED_ACCOMMODATION})
# Register vacancies and the House Project lead to a tenancy: a settled status is needed.
TENANCY_ROUTES = frozenset({REGISTER_VACANCY, HOUSE_PROJECT})
SETTLED = frozenset({"not_applicable", "leave_granted"})

SUPPORT_LEVELS = ("low", "medium", "high")
DUE_KINDS = ("pathway", "move")  # the post-18 pathway by 17½; a move, release or 18th-birthday date
