"""Every weight of the cost, in one place, with the reason for each.

Costs are counted in points and handed to the solver as integers of `SCALE` units per point, so
the solver's arithmetic is exact. The bounds below keep every figure far inside int64 even at
national size (see `penalties.py` for the arithmetic).
"""

SCALE = 100  # integer units per point: a tenth of a metre of link distance is below a unit

# Local links. A link costs importance × LINK_POINTS × d / (d + LINK_HALF_KM) at d km: it rises
# with distance but flattens, so a place that keeps the nearest links whole beats one that
# leaves every link half-kept (Ofsted 2024: "maintain local links"). At LINK_HALF_KM a link is
# half lost: 15 km is a bus ride in West Sussex, about Worthing to Shoreham.
LINK_POINTS = 100
LINK_HALF_KM = 15.0

# Out of county: the 2023 inspection found moves out of the county cut young people off from
# their networks and local services; a place outside West Sussex costs as much as losing most of
# an importance-1 link.
OUT_OF_COUNTY_POINTS = 60

# The young person's own ranked preferences lower the cost: their voice counts, first most.
# Rank 1 is worth keeping a link of importance 2 about 12 km further away.
PREFERENCE_POINTS = {1: 90, 2: 60, 3: 40}
LATER_PREFERENCE_POINTS = 20

# Continuity: staying with one's own former foster carer keeps home, school and friends at once.
STAYING_PUT_POINTS = 150
# Continuity: staying in the supported lodgings or accommodation one already lives in, where that
# place can keep them, spares a move the county promises "to avoid unnecessary changes"; worth a
# little less than Staying Put (a home, not a family), about an importance-2 link kept 15 km closer.
CONTINUITY_POINTS = 100

# Unmatched, something due (api-contract v1.1, "Due first"): leaving them without a place costs
# more than any placement, and more again as their due date nears, by up to URGENCY_POINTS over
# the last URGENCY_HORIZON_DAYS. The urgent (due within 90 days, or overdue) are served first by
# a premium no rearrangement of the others can outweigh; `penalties.py` computes it from the arcs.
URGENCY_POINTS = 200
URGENCY_HORIZON_DAYS = 365

# Unmatched, nothing due (an adult settled where they are): leaving them where they are costs what
# a move keeping every one of their links NOTHING_DUE_NEAR_KM away would cost (importance × 25
# points a link), less one unit. So a move is proposed only if it keeps their links nearer than
# that on the whole, or meets a preference, or is Staying Put with their own carer, which make up
# the difference: a move that serves them, never one that merely fills a place. 5 km is a walk or
# a short bus ride from college, work or family in a West Sussex town; nearer would propose almost
# nothing that is not asked for, further would move people across towns they have no need to
# leave. Someone with no links then has a penalty of 0: only what they asked for is proposed.
# This sits below most arc costs by design, and places left over go to them only after everyone
# with something due (whose penalties exceed every arc cost) is served.
NOTHING_DUE_NEAR_KM = 5.0
