"""The kinds of file the county brings in, their columns and the headings case systems use for them.

A heading is matched without regard to case or repeated spaces; each column may be named by its
own name (`date_of_birth`) or by a heading a case system's report writes (`Date of Birth`, `DOB`).
docs/imports.md shows the same mapping for the people who run the reports.
"""

from httpkit.tabular import Kind
from jsonapi.schemas.imports import (
    ApplicationRowSchema,
    PlacementRowSchema,
    ProviderRowSchema,
    YoungPersonRowSchema,
)


def _headings(**columns: tuple[str, ...]) -> dict[str, str]:
    return {heading: column for column, headings in columns.items() for heading in headings}


YOUNG_PEOPLE = Kind(
    noun="young people",
    required=(
        "reference",
        "given_name",
        "family_name",
        "date_of_birth",
        "home_district",
        "current_place",
        "support_level",
    ),
    optional=(
        "step_free",
        "wheelchair",
        "children",
        "uasc",
        "immigration",
        "leave_granted_on",
        "custody_release_date",
        "move_date",
        "accommodation_code",
        "accommodation_suitable",
        "accommodation_judged_on",
        "in_touch",
        "activity",
    ),
    schema=YoungPersonRowSchema,
    headings=_headings(
        reference=("child id", "person id", "child unique id", "lcs id", "mosaic id", "case reference"),
        given_name=("forename", "first name", "given name"),
        family_name=("surname", "last name", "family name"),
        date_of_birth=("dob", "date of birth"),
        home_district=("home district", "home local authority district"),
        current_place=("current town", "current place", "town"),
        support_level=("support level", "support needs"),
        step_free=("step free", "needs step-free access"),
        wheelchair=("wheelchair user", "wheelchair"),
        children=("number of children", "children"),
        uasc=("uasc", "unaccompanied asylum seeking"),
        immigration=("immigration status",),
        leave_granted_on=("leave granted on", "date leave granted"),
        custody_release_date=("release date", "custody release date"),
        move_date=("move date", "planned move date"),
        accommodation_code=("accom", "accommodation", "903 accommodation code"),
        accommodation_suitable=("suitable", "accommodation suitable"),
        accommodation_judged_on=("date judged", "accommodation judged on", "date of accommodation"),
        in_touch=("in touch", "in_touch"),
        activity=("activ", "activity", "main activity"),
    ),
)

APPLICATIONS = Kind(
    noun="applications",
    required=("reference", "district", "band", "applied_on"),
    optional=(),
    schema=ApplicationRowSchema,
    headings=_headings(
        reference=("care leaver reference", "child id", "person id", "case reference"),
        district=("council", "local authority", "register"),
        band=("priority band", "housing band"),
        applied_on=("application date", "date applied", "registration date", "applied on"),
    ),
)

PLACEMENTS = Kind(
    noun="placements",
    required=("reference", "option", "starts_on", "route"),
    optional=(),
    schema=PlacementRowSchema,
    headings=_headings(
        reference=("child id", "person id", "child unique id", "lcs id", "mosaic id", "case reference"),
        option=("option id", "placement", "placement name", "scheme", "accommodation name"),
        starts_on=("start date", "placement start date", "date moved in", "starts on"),
        route=("placement type", "accommodation type", "pathway route"),
    ),
)

PROVIDERS = Kind(
    noun="providers",
    required=("name", "ofsted_number", "rating"),
    optional=("inspected_on",),
    schema=ProviderRowSchema,
    headings=_headings(
        name=("provider name", "provider", "organisation", "setting name"),
        ofsted_number=(
            "urn",
            "ofsted urn",
            "ofsted number",
            "registration number",
            "unique reference number",
        ),
        rating=("overall effectiveness", "overall judgement", "ofsted rating", "rating"),
        inspected_on=("inspection date", "date of last inspection", "date inspected", "inspected on"),
    ),
)

KINDS = {
    "young-people": YOUNG_PEOPLE,
    "applications": APPLICATIONS,
    "placements": PLACEMENTS,
    "providers": PROVIDERS,
}
