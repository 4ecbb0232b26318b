"""Wrong passwords sent at the same moment from one device are all counted, on real connections.

A stranger guessing in parallel must not get more than five tries before the pause: each
failure is counted even when two sign-ins make the device's first throttle row at once
(PostgreSQL: one insert wins, the other takes the row in a savepoint and counts on it) or update
the same row at once (the row is locked while it is counted).
"""

import threading

import pytest

from housing.services import accounts, sign_ins
from housing.vocabulary import Role

EMAIL, PASSWORD, CLIENT = "guarded.officer@test.example", "a long and right passphrase", "198.51.100.7"


def test_five_wrong_passwords_sent_at_once_pause_the_device(app):
    writer = app.extensions["pathways"].writer_factory
    with writer() as session:
        accounts.create_user(session, EMAIL, Role.HOUSING_OFFICER, None)
    with writer() as session:
        accounts.set_password(session, EMAIL, PASSWORD)
    start, errors = threading.Barrier(sign_ins.PER_ACCOUNT), []

    def guess(n: int) -> None:
        start.wait()
        with writer() as session:
            try:
                sign_ins.sign_in(session, EMAIL, f"wrong guess {n}", client=CLIENT)
            except sign_ins.SignInRefused:
                return
            except Exception as error:  # any other failure is the defect looked for
                errors.append(repr(error))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(sign_ins.PER_ACCOUNT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with writer() as session, pytest.raises(sign_ins.SignInRefused):
        sign_ins.sign_in(session, EMAIL, PASSWORD, client=CLIENT)
    with writer() as session:  # the user, on their own machine, is not refused
        assert sign_ins.sign_in(session, EMAIL, PASSWORD, client="203.0.113.9").email == EMAIL
