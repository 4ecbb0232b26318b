"""The care leavers' items of the SSDA903 return downloaded: every record in it audited.

What the rows hold and who is in them: `housing.reads.care_leaver_items`. The rest of the return
(episodes, the header, the other tables) stays with the children's case system.
"""

from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.reads import care_leaver_items
from housing.reads.care_leaver_items import CareLeaverItems
from housing.services import audit


def download(session: Session, actor: Actor, ending: int) -> CareLeaverItems:
    with transaction(session):
        found = care_leaver_items.gather(session, ending)
        detail = f"exported to the SSDA903 care leavers' return {ending - 1}-{ending % 100:02d}"
        audit.record_views(session, actor, found.young_people, detail)
    return found
