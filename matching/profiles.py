"""The rules that read only a few attributes of each side, asked once per pair of profiles.

AGE, SUPPORT, ACCESS, CHILDREN, IMMIGRATION, SPECIALIST, REGISTERED and CAPACITY read nothing of a
young person but the attributes in `PERSON_KEY`, and nothing of an option but those in
`OPTION_KEY`. Young people with equal keys (a profile) are therefore treated alike by these rules,
and so are options, so each rule's answer for a pair is its answer for any young person and option
of the same two profiles: one table of (person profile × option profile), filled by the rules
themselves on one representative of each, answers every pair with one lookup. A county has a few
hundred profiles a side against a million pairs. Were a rule ever to read an attribute outside the
keys, the tests comparing the arcs with the brute-force checker's pairs would fail.
"""

from dataclasses import dataclass

import numpy as np

from matching.encode import Encoded

PROFILE_RULES = (
    "AGE",
    "SUPPORT",
    "ACCESS",
    "CHILDREN",
    "IMMIGRATION",
    "SPECIALIST",
    "REGISTERED",
    "CAPACITY",
)
PERSON_KEY = (
    "age",
    "support_bit",
    "step_free",
    "wheelchair",
    "children",
    "bedrooms_needed",
    "settled",
    "uasc",
)
OPTION_KEY = ("route", "min_age", "max_age", "support_mask", "o_step_free", "o_wheelchair",
              "accepts_children", "bedrooms", "registered", "uasc_specialist", "remaining")  # fmt: skip
MAX_TABLE = 4_000_000  # cells; beyond this the rules are asked pair by pair


@dataclass(frozen=True)
class Profiles:
    person: np.ndarray  # per young person: their profile
    option: np.ndarray  # per option: its profile
    broken: np.ndarray  # (person profile × option profile), flattened: bit b set if rule b refuses
    width: int  # option profiles

    def lookup(self, i: np.ndarray, k: np.ndarray) -> np.ndarray:
        """Whether every profile rule allows each pair (young person i, option k)."""
        return self.broken[self.person[i] * self.width + self.option[k]] == 0

    def broken_bits(self, i: np.ndarray, k: np.ndarray) -> np.ndarray:
        """For each pair, the bits of the profile rules it breaks (bit b: the rules' b-th)."""
        return self.broken[self.person[i] * self.width + self.option[k]]


def _profiles(e: Encoded, key: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray] | None:
    """One representative of each profile, and each record's profile; None if the key overflows."""
    combined, radix = 0, 1
    for name in key:
        values, code = np.unique(getattr(e, name), return_inverse=True)
        combined = combined + code.ravel().astype(np.int64) * radix
        radix *= max(len(values), 1)
        if radix > 2**62:
            return None
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    return first, inverse.ravel()


def profiles(e: Encoded, rules: tuple) -> Profiles | None:
    """The table of the profile rules, or None when the profiles are too many to be worth it."""
    person_side, option_side = _profiles(e, PERSON_KEY), _profiles(e, OPTION_KEY)
    if person_side is None or option_side is None:
        return None
    (people, person), (options, option) = person_side, option_side
    if len(people) * len(options) > MAX_TABLE or len(options) == 0:
        return None
    i, k = np.repeat(people, len(options)), np.tile(options, len(people))
    broken = np.zeros(len(i), np.uint16)
    for bit, (code, rule) in enumerate(rules):
        if code in PROFILE_RULES:
            broken |= (~rule(e, i, k)).astype(np.uint16) << np.uint16(bit)
    return Profiles(person=person, option=option, broken=broken, width=len(options))
