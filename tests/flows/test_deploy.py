"""The scheduled deployment that `news-warehouse serve` serves."""

import pytest

from flows.deploy import DEPLOYMENT_NAME, ingest_deployment


def test_deployment_runs_ingest_on_its_cron_schedule_with_one_run_at_a_time():
    deployment = ingest_deployment(cron="*/15 * * * *", inbox="/data/inbox", db_path="/data/w.duckdb")
    assert deployment.name == DEPLOYMENT_NAME
    assert [s.schedule.cron for s in deployment.schedules] == ["*/15 * * * *"]
    assert deployment.parameters == {"inbox": "/data/inbox", "db_path": "/data/w.duckdb",
                                     "task_runner": "local", "dask_address": None}
    assert deployment.concurrency_limit == 1


def test_a_deployment_on_dask_fans_extraction_out_to_the_scheduler_given():
    deployment = ingest_deployment(cron="*/15 * * * *", inbox="/data/inbox", db_path="/data/w.duckdb",
                                   dask_address="tcp://10.0.0.5:8786")
    assert deployment.parameters["task_runner"] == "dask"
    assert deployment.parameters["dask_address"] == "tcp://10.0.0.5:8786"


def test_the_flow_a_scheduled_run_imports_takes_its_runner_from_the_environment():
    """`serve` sets these variables; each scheduled run imports flows.ingest afresh."""
    import subprocess
    import sys

    code = "from flows.ingest import ingest_news; r = ingest_news.task_runner; print(type(r).__name__, r.address)"
    env = {**__import__("os").environ, "NEWS_WAREHOUSE_DASK_ADDRESS": "tcp://10.0.0.5:8786"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.split() == ["DaskTaskRunner", "tcp://10.0.0.5:8786"], result.stderr


def test_bad_cron_expression_is_refused():
    with pytest.raises(ValueError):
        ingest_deployment(cron="every quarter hour", inbox="/x", db_path="/x.duckdb")


def test_registered_deployment_has_its_schedule_and_the_scheduler_can_create_its_runs():
    """What `serve` relies on: the deployment and its cron schedule exist on the server, and the
    server's scheduler service can turn them into flow runs. (Prefect 3.8.8's scheduler fails
    with SQLAlchemy 2.1, "Can't evaluate bulk DML statement": this is what pins SQLAlchemy 2.0.)"""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.server import models
    from prefect.server.database import provide_database_interface

    deployment_id = ingest_deployment(cron="*/15 * * * *", inbox="/data/inbox", db_path="/data/w.duckdb").apply()
    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
    assert stored.name == DEPLOYMENT_NAME
    assert [s.schedule.cron for s in stored.schedules] == ["*/15 * * * *"] and stored.schedules[0].active

    async def schedule() -> list:
        # The same call the scheduler service makes, on the test server's database.
        database = provide_database_interface()
        async with database.session_context(begin_transaction=True) as session:
            return list(await models.deployments.schedule_runs(session, deployment_id=deployment_id))

    assert len(asyncio.run(schedule())) >= 3
