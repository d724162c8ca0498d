"""The scheduled deployment: `news-warehouse serve` runs `ingest_news` on a cron schedule."""

from __future__ import annotations

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.ingest import ingest_news
from warehouse.config import settings_from

DEPLOYMENT_NAME = "news-warehouse-ingest"


def ingest_deployment(*, cron: str, inbox: str, db_path: str, task_runner: str | None = None,
                      dask_address: str | None = None) -> RunnerDeployment:
    """The deployment of `ingest_news` with its cron schedule (raises ValueError on a bad cron)."""
    settings = settings_from(db=db_path, inbox=inbox, task_runner=task_runner, dask_address=dask_address)
    # Scheduled runs load the flow from its module, whose runner follows NEWS_WAREHOUSE_TASK_RUNNER
    # and NEWS_WAREHOUSE_DASK_ADDRESS (`serve` sets them from its options); the parameters say
    # the same to the flow, which decides how many processes a batch uses.
    return ingest_news.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters={"inbox": inbox, "db_path": db_path, "task_runner": settings.task_runner,
                    "dask_address": settings.dask_address},
        description="Load new articles from the inbox into the DuckDB warehouse.",
        tags=["news-warehouse"],
        # One writer per DuckDB file: a run still going when the next is due makes that one wait.
        concurrency_limit=1,
    )


def serve_deployment(deployment: RunnerDeployment) -> None:
    """Register the deployment and execute its scheduled runs until interrupted."""
    serve(deployment)
