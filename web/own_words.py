"""The young person's own pages in words a 16-year-old reads easily: short sentences, no jargon,
no codes. The suite checks these pages against a plain-English readability measure
(tests/web/test_own_pages.py), so a long or hard sentence added here fails it."""

from datetime import date

from housing.reads.own_view import OwnHome, OwnStep, SharedPlace
from web.words import long_date

ROUTE = {
    "register_vacancy": "a council home",
    "staying_put": "staying on with your foster carers",
    "supported_lodgings": "supported lodgings, where you live in a host's home",
    "supported_accommodation": "supported housing, where staff are there to help you",
    "house_project": "the House Project, where you learn to run your own home with a group",
    "private_rented": "a home you rent from a landlord",
}
LINK = {
    "school": "School", "college": "College", "work": "Work", "family": "Family", "friends": "Friends",
    "health": "Health care", "faith": "Faith", "community": "Community",
}  # fmt: skip
HOW_MUCH = {1: "It matters a bit.", 2: "It matters.", 3: "It matters a lot."}
ANSWER = {"yes": "Yes", "no": "No", "not_sure": "Not sure"}
STEP = {
    "offer_made": "You were offered the place.",
    "viewing": "You went to see the place.",
    "signed": "You signed for your new home.",
    "moved_in": "You moved in.",
    "fell_through": "The move did not go ahead.",
}
COMING_STEP = {"viewing": "You will go to see the place.", "moved_in": "You will move in."}


def pathway(home: OwnHome) -> str:
    """Where their plan is, in one or two short sentences; the place by name when it was shared with
    them (nothing unshared is shown)."""
    if home.pathway_status == "agreed":
        if home.pathway_route == "staying_put":
            return "Your plan is agreed. You are staying on with your foster carers."
        where = ROUTE.get(home.pathway_route or "", "your next home")
        agreed = [p for p in home.shared if p.accepted]
        if agreed:
            return f"Your plan is agreed. You are moving to {place_name(agreed[0])}. It is {where}."
        return f"Your plan is agreed. You are moving to {where}."
    if home.pathway_status == "in_progress":
        return "Your plan is in progress. Your worker is looking for the right place for you."
    return "Your plan has not started yet. Your worker will talk with you about it."


def next_steps(home: OwnHome, today: date) -> list[str]:
    """What happens next, most pressing first; always at least one sentence."""
    said: list[str] = []
    open_places = [p for p in home.shared if p.open]
    if open_places:
        unanswered = [p for p in open_places if p.view is None]
        many = len(open_places) > 1
        said.append(f"Your worker has shared {len(open_places)} places with you." if many
                     else "Your worker has shared a place with you.")  # fmt: skip
        if unanswered:
            said.append("Look at it and tell them what you think." if not many
                        else "Look at them and tell your worker what you think.")  # fmt: skip
    if home.steps:
        said.append(step(home.steps[-1], today))
    if home.due_date is not None and home.pathway_status != "agreed":
        if home.due == "pathway":
            said.append(f"Your plan should be agreed by {long_date(home.due_date)}.")
        else:
            said.append(f"You need to move by {long_date(home.due_date)}.")
    if not said:
        said.append("Your worker will tell you when there is news.")
    said.append("You can ask your worker about anything at any time.")
    return said


def step(done: OwnStep, today: date) -> str:
    """One step of their move, dated; a step still to come says so."""
    if done.on > today and done.kind in COMING_STEP:
        return f"{COMING_STEP[done.kind][:-1]} on {long_date(done.on)}."
    if done.kind == "answer":
        return f"On {long_date(done.on)} you said: {ANSWER.get(done.answer or '', 'not sure').lower()}."
    return f"{STEP.get(done.kind, 'Your move moved on.')[:-1]} on {long_date(done.on)}."


def place_name(place: SharedPlace) -> str:
    """The place as they would say it: its name, and the town if the name does not say it; a
    council's vacancy by its town (its name is the council's code)."""
    if place.route == "register_vacancy":
        return f"A council home in {place.place}"
    return place.name if place.place in place.name else f"{place.name}, {place.place}"


def distance(km: float | None) -> str:
    if km is None:
        return "We do not know how far it is."
    if km < 1:
        return "It is less than 1 km away."
    return f"It is about {round(km)} km away."


FILTERS = {"own_route": lambda route: ROUTE.get(route, "a place to live"), "own_link": LINK.get,
           "own_distance": distance, "own_place": place_name, "own_how_much": HOW_MUCH.get}  # fmt: skip
