"""The DfE SSDA903 care leavers' accommodation codes (OC3 `ACCOM`), and how Pathways reports them.

A code is a letter for the kind of accommodation and a digit for the officer's judgement: 1
suitable, 2 not suitable. The letters and the codes allowed are those of the Data to Insight
network's 903 validator (csc-validator-be-903, rule 133): no fixed abode (S) and custody (X) are
never suitable. Staying Put with a former foster carer is its own letter, R; the validator's rule
3001 refuses it around a young person's 17th birthday, and rule 391 wants care leavers' information
only for those 17 to 21 in the year, so the export applies both.
"""

from datetime import date

from housing.lifedates import age_on

ACCOMMODATION = {
    "B": "With parents or relatives",
    "C": "Community home or other residential care",
    "D": "Semi-independent, transitional accommodation",
    "E": "Supported lodgings",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "With former foster carers (Staying Put)",
    "S": "No fixed abode or homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living, for example a flat or tenancy",
    "V": "Emergency accommodation, for example a night shelter or hostel",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "Residence not known",
}
NEVER_SUITABLE = frozenset({"S", "X"})
STAYING_PUT = "R"
REPORTED_AGES = range(17, 22)  # rule 391: care leavers' information for those 17 to 21
SUITABLE, NOT_SUITABLE = "1", "2"


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
