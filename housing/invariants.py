"""What must never be true of the store, as queries that return the rows breaking it.

The concurrency tests, the load run and the crash trials all end by running these: each must return
no rows, whatever interleaving of requests, crashed workers or stopped databases came before.
"""

from sqlalchemy import text
from sqlalchemy.orm import Session

INVARIANTS = {
    "an option over capacity": "SELECT id FROM options WHERE placed > capacity",
    "a young person whose reference has no key (so no uniqueness)": (
        "SELECT id FROM young_people WHERE reference_key IS NULL"
    ),
    "an option whose count disagrees with its placements (or, House Project, its members)": """
        SELECT o.id FROM options o WHERE o.placed <> CASE WHEN o.route = 'house_project'
            THEN (SELECT COUNT(*) FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id
                  WHERE c.option_id = o.id AND m.stage <> 'withdrawn')
            ELSE (SELECT COUNT(*) FROM placements p WHERE p.option_id = o.id AND p.held_until IS NULL) END""",
    "a young person with two active placements": """
        SELECT young_person_id FROM placements WHERE status = 'active'
        GROUP BY young_person_id HAVING COUNT(*) > 1""",
    "an agreed pathway without its placement": """
        SELECT y.id FROM young_people y
        WHERE y.pathway_status = 'agreed' AND y.pathway_option_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM placements p WHERE p.young_person_id = y.id
            AND p.option_id = y.pathway_option_id AND p.status = 'active')""",
    "an agreed House Project pathway without a member who moved in": """
        SELECT y.id FROM young_people y
        WHERE y.pathway_status = 'agreed' AND y.pathway_route = 'house_project' AND NOT EXISTS (
            SELECT 1 FROM cohort_members m WHERE m.young_person_id = y.id
            AND m.stage IN ('moved_in', 'graduated'))""",
    "a nomination awaiting or accepted without its placement (active while awaiting)": """
        SELECT n.id FROM nominations n
        LEFT JOIN placements p ON p.id = n.placement_id
        WHERE n.status NOT IN ('declined', 'lapsed')
        AND (p.id IS NULL OR (n.status = 'pending' AND p.status <> 'active'))""",
    "a current placement on an ended option (a Staying Put carer no longer willing)": """
        SELECT p.id FROM placements p JOIN options o ON o.id = p.option_id
        WHERE p.status = 'active' AND o.route = 'staying_put' AND o.carer_willing = false""",
    "a placement ending before it starts": """
        SELECT id FROM placements WHERE ends_on < starts_on OR held_until < starts_on""",
    "an accepted proposal without its placement": """
        SELECT r.id FROM proposals r
        WHERE r.status = 'accepted' AND r.route <> 'house_project'
        AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.proposal_id = r.id)""",
    "a cohort with more members than places": """
        SELECT c.id FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id
        WHERE m.stage <> 'withdrawn' GROUP BY c.id, c.capacity HAVING COUNT(*) > c.capacity""",
}


def broken(session: Session) -> dict[str, list[str]]:
    """Each invariant that does not hold, with the ids of the rows breaking it."""
    found = {
        name: [str(row[0]) for row in session.execute(text(query))] for name, query in INVARIANTS.items()
    }
    return {name: ids for name, ids in found.items() if ids}
