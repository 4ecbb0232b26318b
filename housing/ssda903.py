"""The DfE SSDA903 care leavers' items (table OC3: `IN_TOUCH`, `ACTIV`, `ACCOM`), and how Pathways
reports them.

An accommodation code is a letter for the kind of accommodation and a digit for the officer's
judgement: 1 suitable, 2 not suitable. The letters, in-touch and activity codes allowed are those
of the Data to Insight network's 903 validator (csc-validator-be-903, rules 131, 132 and 133): no
fixed abode (S) and custody (X) are never suitable; Staying Put with a former foster carer is Z
(rule 3001 refuses it around a young person's 17th birthday), and R is a residence not known.
A collection year runs from 1 April to 31 March; the care leavers it covers are those whose 17th
to 21st birthday falls in it (rule 391: nothing for someone not yet 17 at its end).
"""

from datetime import date

from housing.lifedates import add_months, age_on

ACCOMMODATION = {
    "B": "With parents or relatives",
    "C": "Community home or other residential care",
    "D": "Semi-independent, transitional accommodation",
    "E": "Supported lodgings",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode or homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living, for example a flat or tenancy",
    "V": "Emergency accommodation, for example a night shelter or hostel",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers (Staying Put)",
}
IN_TOUCH = {
    "YES": "In touch",
    "NO": "Not in touch",
    "REFU": "Refuses contact",
    "NREQ": "No longer needs services",
    "RHOM": "Returned home to parents for six months or more",
    "DIED": "Has died",
}
ACTIVITY = {
    "F1": "Full-time in higher education",
    "P1": "Part-time in higher education",
    "F2": "Full-time in other education",
    "P2": "Part-time in other education",
    "F4": "Full-time in training or employment",
    "P4": "Part-time in training or employment",
    "F5": "Full-time apprenticeship",
    "P5": "Part-time apprenticeship",
    "G4": "Not in education, training or employment: illness or disability",
    "G5": "Not in education, training or employment: other reasons",
    "G6": "Not in education, training or employment: pregnancy or parenting",
}
NEVER_SUITABLE = frozenset({"S", "X"})
STAYING_PUT = "Z"
REPORTED_AGES = range(17, 22)  # rule 391: care leavers' information for those 17 to 21
SUITABLE, NOT_SUITABLE = "1", "2"
NOTHING = "0"  # the return's "not applicable": activity and accommodation of someone out of touch
GONE = frozenset({"DIED", "RHOM"})  # rule 344: then neither activity nor accommodation is given


def code(letter: str, suitable: bool) -> str:
    """The OC3 ACCOM code: the letter and the suitability digit."""
    return letter + (SUITABLE if suitable else NOT_SUITABLE)


def problem(letter: str | None, suitable: bool | None) -> str | None:
    """Why a recorded accommodation breaks the code list, or None."""
    if letter is None:
        return None
    if letter not in ACCOMMODATION:
        return f"must be one of {', '.join(ACCOMMODATION)}"
    if suitable and letter in NEVER_SUITABLE:
        return f"{ACCOMMODATION[letter].lower()} is never recorded as suitable"
    return None


def reported(date_of_birth: date, letter: str, on: date) -> bool:
    """Whether the 903 return takes this young person's accommodation on `on` (rules 391 and 3001)."""
    age = age_on(date_of_birth, on)
    return age in REPORTED_AGES and not (letter == STAYING_PUT and age < 18)


def collection_year(ending: int) -> tuple[date, date]:
    """The 903 collection year ending on 31 March of `ending`."""
    return date(ending - 1, 4, 1), date(ending, 3, 31)


def birthday_in_year(date_of_birth: date, ending: int) -> int | None:
    """Which of the 17th to 21st birthdays falls in the collection year, or None (rule 391)."""
    start, end = collection_year(ending)
    for age in REPORTED_AGES:
        if start <= add_months(date_of_birth, 12 * age) <= end:
            return age
    return None


def items(in_touch: str, activity: str | None, letter: str | None, suitable: bool | None) -> dict[str, str]:
    """IN_TOUCH, ACTIV and ACCOM as the return writes them: 0 where the item does not apply."""
    if in_touch in GONE:
        return {"IN_TOUCH": in_touch, "ACTIV": NOTHING, "ACCOM": NOTHING}
    return {
        "IN_TOUCH": in_touch,
        "ACTIV": activity or NOTHING,
        "ACCOM": code(letter, bool(suitable)) if letter else NOTHING,
    }


def items_problem(in_touch: str | None, activity: str | None, letter: str | None) -> str | None:
    """Why the care leaver's items could not be returned as recorded, or None (rules 344, 345)."""
    if in_touch == "YES" and not (activity and letter):
        return "in touch needs their activity and accommodation recorded"
    if in_touch in GONE and activity:
        return "no activity is recorded for a young person who has died or returned home"
    return None
