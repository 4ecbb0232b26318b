"""A simulated year: does Pathways get more pathways agreed by 17½, close to local links?

The seeded county is played forward month by month under each policy (the service as built, the
practice it replaces, the registers before the Joint Housing Protocol) and against hindsight, the
bound no policy can beat. Every policy uses the production rules and matcher: the county's records
are the store's own models, held in memory, turned into the matcher's problem by the same glue a
matching run uses.
"""
