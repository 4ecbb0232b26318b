"""`flask simulate`: the figures, the charts, and a clear refusal of what it cannot do."""

import json


def test_simulate_writes_the_figures_and_the_charts(app, tmp_path) -> None:
    out, charts = tmp_path / "outcomes.json", tmp_path / "charts"

    result = app.test_cli_runner().invoke(
        args=["simulate", "--seeds", "2", "--first-seed", "1", "--months", "2", "--scale", "0.15", "--workers", "1",
              "--as-of", "2027-01-01", "--out", str(out), "--charts", str(charts)]
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "% of pathways agreed by 17½" in result.output
    document = json.loads(out.read_text())
    assert list(document["summary"]) == [
        "pathways", "monthly_run", "most_due_first", "home_register_only", "tiers_off", "year_known", "hindsight"
    ]  # fmt: skip
    assert document["plan"]["seeds"] == 2
    assert document["plan"]["seed_numbers"] == [1, 2]
    assert document["assumptions"]["ACCEPT_RATE"]["value"] == 0.85
    assert 0 <= document["summary"]["pathways"]["headline_share"]["mean"] <= 1
    assert document["summary"]["pathways"]["headline_share"]["low"] is not None  # two seeds: an interval
    assert sorted(p.name for p in charts.iterdir()) == [
        "by-month.png", "by-month.svg", "distances.png", "distances.svg", "headline.png", "headline.svg"
    ]  # fmt: skip


def test_an_unknown_policy_is_refused_by_name(app, tmp_path) -> None:
    result = app.test_cli_runner().invoke(
        args=["simulate", "--policies", "pathways,guesswork", "--out", str(tmp_path / "o.json")]
    )

    assert result.exit_code == 2
    assert "--policies" in result.output
    assert not (tmp_path / "o.json").exists()
