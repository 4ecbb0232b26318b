"""Who may do what: the role sets every face admits, defined once (api-contract, per resource).

The JSON API, the pages and the councils' side all name these, so a page can never admit a role
its API operation refuses.
"""

from housing.vocabulary import Role

EVERY_ROLE = tuple(Role)
# Everyone who works for the county or a council: every role but a young person's own (v1.2), who
# sees their own record, their notifications and reference data, and nothing else.
STAFF = tuple(role for role in Role if role is not Role.YOUNG_PERSON)
# Record young people and options, run the matcher, decide proposals (the county's officers).
OFFICERS = (Role.HOUSING_OFFICER, Role.ADMIN)
# Read what a housing officer reads: officers, admins, and (v1.2) team managers.
CASE_READERS = (*OFFICERS, Role.TEAM_MANAGER)
# Allocate workers and advisers, and sign off housing decisions: team managers, and admins.
MANAGERS = (Role.TEAM_MANAGER, Role.ADMIN)
# Run House Project cohorts; officers may read them.
COHORT_RUNNERS = (Role.HOUSE_PROJECT_COORDINATOR, Role.ADMIN)
COHORT_READERS = (*COHORT_RUNNERS, Role.HOUSING_OFFICER)
# Record options: officers every route, a council its own register vacancies.
OPTION_EDITORS = (*OFFICERS, Role.DISTRICT_OFFICER)
# See a council's applicants and nominations: that council, and the county's officers.
DISTRICT_READERS = (Role.DISTRICT_OFFICER, *OFFICERS)
# Invite a young person to their own pages, and share a proposal with them (v1.2): the officers
# who work with them.
INVITERS = OFFICERS
# Read the audit trail.
AUDITORS = (Role.ADMIN,)
# Plan places: sufficiency, what-if, and the simulated year's outcomes; figures about places and
# groups, never a young person's record (a commissioner sees small counts hidden).
PLANNERS = (*OFFICERS, Role.COMMISSIONER)
OUTCOME_READERS = PLANNERS
# Providers of supported places (their Ofsted registration and rating): those who place young people
# there or plan places; officers record them.
PROVIDER_READERS = (*CASE_READERS, Role.COMMISSIONER)
# The monthly figures an inspector asks for: those who manage the service, and commissioners
# (who see every count rounded).
REPORT_READERS = (*CASE_READERS, Role.COMMISSIONER)
