"""After each test: the store's invariants checked on what the test left, then the case data cleared.

Sent statement by statement through sessions this was 13 queries and 32 statements, each a round
trip to the database: 0.13 s a test on PostgreSQL on a quiet machine (0.05 s on SQLite) and half a
second at a load average of 15, for more than a thousand tests. On PostgreSQL it is now one script
in one round trip (psycopg sends a statement without parameters by the simple protocol, which
takes several, run in one implicit transaction); on SQLite, in process, one transaction. The checks
are `housing.invariants`' queries and the clearing is `seeds.load.clear_case_data`'s, unchanged.
"""

from typing import Any

from sqlalchemy import Engine

from housing.invariants import INVARIANTS
from seeds.load import CASE_DATA

# Case data (young people's pathways point at options, so unset first), then who signed in.
CLEARING = (
    "UPDATE young_people SET pathway_option_id = NULL",
    *(f"DELETE FROM {model.__table__.name}" for model in CASE_DATA),
    "DELETE FROM users",
    "DELETE FROM sign_in_throttles",
    "DELETE FROM sign_off_routes",
)


def broken_then_cleared(engine: Engine) -> dict[str, list[str]]:
    """Each invariant the store breaks (with the ids of the rows), read before the case data and the
    users are deleted; reference data stays."""
    raw = engine.raw_connection()
    try:
        if engine.dialect.name == "postgresql":
            found = _in_one_round_trip(raw.driver_connection)
        else:
            found = _in_one_transaction(raw.driver_connection)
    finally:
        raw.close()
    return {name: ids for name, ids in found.items() if ids}


def _in_one_round_trip(connection: Any) -> dict[str, list[str]]:
    connection.autocommit = True  # the script is its own transaction: no BEGIN or COMMIT to wait for
    try:
        cursor = connection.execute(";\n".join([*INVARIANTS.values(), *CLEARING]))
        found = {}
        for name in INVARIANTS:
            found[name] = [str(row[0]) for row in cursor.fetchall()]
            cursor.nextset()
    finally:
        connection.autocommit = False
    return found


def _in_one_transaction(connection: Any) -> dict[str, list[str]]:
    cursor = connection.cursor()
    cursor.execute("BEGIN IMMEDIATE")  # as the service's writers begin (housing.db.for_writing)
    try:
        found = {name: [str(row[0]) for row in cursor.execute(query)] for name, query in INVARIANTS.items()}
        for statement in CLEARING:
            cursor.execute(statement)
    except BaseException:
        cursor.execute("ROLLBACK")
        raise
    cursor.execute("COMMIT")
    return found
