"""The scheduled deployment that `news-warehouse serve` serves."""

import pytest

from flows.deploy import DEPLOYMENT_NAME, ingest_deployment


def test_deployment_runs_ingest_on_its_cron_schedule_with_one_run_at_a_time():
    deployment = ingest_deployment(cron="*/15 * * * *", inbox="/data/inbox", db_path="/data/w.duckdb")
    assert deployment.name == DEPLOYMENT_NAME
    assert [s.schedule.cron for s in deployment.schedules] == ["*/15 * * * *"]
    assert deployment.parameters == {"inbox": "/data/inbox", "db_path": "/data/w.duckdb"}
    assert deployment.concurrency_limit == 1


def test_bad_cron_expression_is_refused():
    with pytest.raises(ValueError):
        ingest_deployment(cron="every quarter hour", inbox="/x", db_path="/x.duckdb")
