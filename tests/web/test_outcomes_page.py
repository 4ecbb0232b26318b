"""The Outcomes page: the simulated year's figures, for officers and admins."""

import re

from housing.vocabulary import Role


def test_before_any_simulation_the_page_says_how_to_run_one(app, client, person_signing_in, tmp_path):
    app.config["OUTCOMES_RESULTS"] = str(tmp_path / "none.json")
    person_signing_in(client)

    page = client.get("/outcomes")

    assert page.status_code == 200
    assert "make outcomes" in page.get_data(as_text=True)


def test_an_officer_reads_each_policy_in_words_with_its_interval(client, person_signing_in, simulated):
    person_signing_in(client)

    text = client.get("/outcomes").get_data(as_text=True)

    assert "Pathways (the service: plans the coming months, proposes again after a refusal)" in text
    assert "Hindsight (the best any plan could do)" in text
    compares = text.split('id="compares"')[1].split("</ul>")[0]
    assert "of what that plan agreed by 17½" in compares
    assert "numbers 1 to 2), none of them used to choose the service's settings" in text
    assert "served first" in compares  # why hindsight can do more than the service's rules allow
    assert "times theirs, 95 % interval" in compares  # links on the same young people, with the interval
    assert "Against the practice before Pathways" in compares
    assert "home council's register only" in compares
    assert "on the same young people" in compares.lower()
    assert "tiers of what is due switched off" in compares
    assert "passed over for someone due later" in compares
    assert "told the year in advance" in compares
    assert "This is not a bound" in compares
    assert "95 % interval" in text
    assert "Home district: " in text
    assert "most_due_first" not in text  # policies by name, not by their codes
    assert "PLACE_FREE" not in text
    chart = client.get("/outcomes/charts/headline.svg")
    chart.close()
    assert chart.status_code == 200
    assert chart.mimetype == "image/svg+xml"
    assert client.get("/outcomes/charts/secret.svg").status_code == 404


def test_councils_and_coordinators_do_not_see_outcomes(client, person_signing_in):
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")
    assert client.get("/outcomes").status_code == 403


def test_a_commissioner_reads_the_outcomes_with_small_counts_hidden(client, person_signing_in, simulated):
    person_signing_in(client, Role.COMMISSIONER)

    text = client.get("/outcomes").get_data(as_text=True)

    assert "How the service compares" in text
    groups = text.split('id="groups"')[1].split("</table>")[0]
    assert "&lt;5 of" in groups or " of &lt;5" in groups  # a small scenario has small groups
    assert not re.search(r">\s*[1-4] of ", groups)
