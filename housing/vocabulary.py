"""The closed vocabularies officers use: routes, support levels, immigration, link kinds, roles."""

from enum import StrEnum


class Route(StrEnum):
    REGISTER_VACANCY = "register_vacancy"
    STAYING_PUT = "staying_put"
    SUPPORTED_LODGINGS = "supported_lodgings"
    SUPPORTED_ACCOMMODATION = "supported_accommodation"
    HOUSE_PROJECT = "house_project"
    PRIVATE_RENTED = "private_rented"


# Routes whose 16-17-year-olds need Ofsted-registered provision (2023 Regulations).
SUPPORTED_ROUTES = (Route.SUPPORTED_LODGINGS, Route.SUPPORTED_ACCOMMODATION)


class SupportLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Immigration(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    AWAITING_DECISION = "awaiting_decision"
    LEAVE_GRANTED = "leave_granted"
    APPEAL_RIGHTS_EXHAUSTED = "appeal_rights_exhausted"


# Register vacancies and the House Project lead to a tenancy, which needs a settled status.
SETTLED_IMMIGRATION = (Immigration.NOT_APPLICABLE, Immigration.LEAVE_GRANTED)


class LinkKind(StrEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    WORK = "work"
    FAMILY = "family"
    FRIENDS = "friends"
    HEALTH = "health"
    FAITH = "faith"
    COMMUNITY = "community"


class PathwayStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    AGREED = "agreed"


class ApplicationStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class PlacementStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a placement ended (api-contract v1.1, *Placements and their end*)."""

    CARER_WITHDREW = "carer_withdrew"
    BREAKDOWN = "breakdown"
    NOTICE_TO_LEAVE = "notice_to_leave"
    MOVED_ON = "moved_on"
    OTHER = "other"
    # Recorded by the service itself, never sent: the council declined the nomination, or the
    # House Project member withdrew after moving in.
    NOMINATION_DECLINED = "nomination_declined"
    NOMINATION_LAPSED = "nomination_lapsed"
    WITHDRAWN_FROM_COHORT = "withdrawn_from_cohort"
    # The county withdrew its nomination, or the move fell through before the young person moved in.
    NOMINATION_WITHDRAWN = "nomination_withdrawn"
    MOVE_FELL_THROUGH = "move_fell_through"


# An end for one of these reasons excludes the pair from later runs, as a rejection does.
EXCLUDING_END_REASONS = (EndReason.CARER_WITHDREW, EndReason.BREAKDOWN, EndReason.NOTICE_TO_LEAVE)
# The reasons an officer may give; the others the service records itself.
OFFICER_END_REASONS = (*EXCLUDING_END_REASONS, EndReason.MOVED_ON, EndReason.OTHER)
# Only these routes' places are free again once a placement ends: a Staying Put offer was for that
# young person, and a council or landlord re-lets a home on its own terms.
RETURNING_ROUTES = SUPPORTED_ROUTES


class DueTier(StrEnum):
    """How pressing what is due is (api-contract v1.2, "Tiers of what is due"), most pressing first."""

    MOVE_NOW = "move_now"  # a move or release within 28 days: a placement ending, a notice, a release
    OVERDUE = "overdue"  # the due date has passed (an 18-year-old with no move date included)
    SOON = "soon"  # due within 90 days
    LATER = "later"  # due after that
    NONE = "none"  # nothing due


class Role(StrEnum):
    HOUSING_OFFICER = "housing_officer"
    DISTRICT_OFFICER = "district_officer"
    HOUSE_PROJECT_COORDINATOR = "house_project_coordinator"
    ADMIN = "admin"
    COMMISSIONER = "commissioner"  # plans places: figures about places, never a young person's record
    TEAM_MANAGER = "team_manager"  # reads what a housing officer reads; allocates workers, signs off (v1.2)
    YOUNG_PERSON = (
        "young_person"  # bound to one record: their own pathway and what is shared with them (v1.2)
    )


class NominationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the county, with a reason (contract v1.2, *Nominations*)
    LAPSED = "lapsed"  # no answer within the response time the county set for that council


# A nomination that ended without a home: the place is freed and the pathway reopens.
UNANSWERED_OR_DECLINED = (NominationStatus.DECLINED, NominationStatus.WITHDRAWN, NominationStatus.LAPSED)


class EventKind(StrEnum):
    """What happened that calls for proposing again (contract v1.2, *Proposals kept current*), and
    the run's `trigger`; `nominated` proposes nothing but tells the council."""

    REJECTED = "rejected"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"
    PLACE_FREED = "place_freed"
    NEW_OPTION = "new_option"
    SCHEDULED = "scheduled"
    NOMINATED = "nominated"


class Trigger(StrEnum):
    """Why a run was made: by an officer, or after an event."""

    MANUAL = "manual"
    REJECTED = "rejected"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"
    PLACE_FREED = "place_freed"
    NEW_OPTION = "new_option"
    SCHEDULED = "scheduled"


class NotificationKind(StrEnum):
    NEW_PROPOSAL = "new_proposal"
    PROPOSAL_DECLINED = "proposal_declined"
    NOMINATION_RECEIVED = "nomination_received"
    NOMINATION_REMINDER = "nomination_reminder"
    REVIEW_DUE = "review_due"
    SIGN_OFF_REQUESTED = "sign_off_requested"
    DECISION_SENT_BACK = "decision_sent_back"  # a team manager sent a housing decision back
    TASK_DUE = "task_due"
    PROPOSAL_SHARED = "proposal_shared"  # to the young person: a proposal to look at and answer
    VIEW_GIVEN = "view_given"  # to their officer: the young person answered a shared proposal
    CHANGE_ASKED = (
        "change_asked"  # to their officer: the young person says something on their record is wrong
    )
    SIGN_IN_LINK = "sign_in_link"  # to a young person: their one-time link to sign in
    VIEWING_SET = "viewing_set"  # to a young person: a day is set for them to go and see a place


class MoveStepKind(StrEnum):
    """The steps from an agreed pathway to the door, recorded as they happen (issue 29)."""

    OFFER_MADE = "offer_made"
    VIEWING = "viewing"
    ANSWER = "answer"  # the young person's answer, with their words
    SIGNED = "signed"  # tenancy or licence signed
    MOVED_IN = "moved_in"
    FELL_THROUGH = "fell_through"


class Answer(StrEnum):
    """The young person's answer to an offer."""

    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"


class Stage(StrEnum):
    """A House Project member's stage, from enrolment to their own home and graduation."""

    ENROLLED = "enrolled"
    PREPARING = "preparing"
    TENANCY_READY = "tenancy_ready"
    PROPERTY_OFFERED = "property_offered"
    MOVED_IN = "moved_in"
    GRADUATED = "graduated"
    WITHDRAWN = "withdrawn"


# Where each stage may go next (api-contract, *House Project cohorts*): one step at a time;
# graduating (completing the programme) from tenancy-ready on; withdrawing from any active stage.
NEXT_STAGES: dict[Stage, tuple[Stage, ...]] = {
    Stage.ENROLLED: (Stage.PREPARING, Stage.WITHDRAWN),
    Stage.PREPARING: (Stage.TENANCY_READY, Stage.WITHDRAWN),
    Stage.TENANCY_READY: (Stage.PROPERTY_OFFERED, Stage.GRADUATED, Stage.WITHDRAWN),
    Stage.PROPERTY_OFFERED: (Stage.MOVED_IN, Stage.GRADUATED, Stage.WITHDRAWN),
    Stage.MOVED_IN: (Stage.GRADUATED, Stage.WITHDRAWN),
    Stage.GRADUATED: (),
    Stage.WITHDRAWN: (),
}
ACTIVE_STAGES = tuple(stage for stage, after in NEXT_STAGES.items() if after)

# The House Project keeps its hub in Crawley (domain.md, "The districts' registers"): a cohort's option
# is placed there.
HOUSE_PROJECT_HUB = "Crawley"


class WorkerKind(StrEnum):
    """Who works a young person's case: the county's housing support officer and their personal adviser."""

    HOUSING_OFFICER = "housing_officer"
    PERSONAL_ADVISER = "personal_adviser"


class LeaveType(StrEnum):
    """The kind of leave to remain the Home Office granted (issue 30): it sets when it must be renewed."""

    REFUGEE_STATUS = "refugee_status"
    HUMANITARIAN_PROTECTION = "humanitarian_protection"
    LIMITED_LEAVE = "limited_leave"
    INDEFINITE_LEAVE = "indefinite_leave"


class SignOffStatus(StrEnum):
    """A housing decision awaiting a team manager where sign-off is switched on for its route (issue 31)."""

    AWAITING = "awaiting"
    SIGNED_OFF = "signed_off"
    SENT_BACK = "sent_back"  # with a reason; the decision is taken back and the proposal open again


class NoteKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    DECISION = "decision"


class ImmigrationOutcome(StrEnum):
    """The three outcomes a UASC young person's housing is planned for while their claim is open."""

    LEAVE_GRANTED = "leave_granted"
    REFUSED = "refused"
    APPEAL_RIGHTS_EXHAUSTED = "appeal_rights_exhausted"


class OfstedRating(StrEnum):
    """A provider's overall Ofsted judgement at its last inspection, or none yet (issue 33)."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    NOT_YET_INSPECTED = "not_yet_inspected"
