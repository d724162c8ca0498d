"""The scheduled deployment: `news-warehouse serve` runs `ingest_news` on a cron schedule."""

from __future__ import annotations

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.ingest import ingest_news

DEPLOYMENT_NAME = "news-warehouse-ingest"


def ingest_deployment(*, cron: str, inbox: str, db_path: str) -> RunnerDeployment:
    """The deployment of `ingest_news` with its cron schedule (raises ValueError on a bad cron)."""
    return ingest_news.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters={"inbox": inbox, "db_path": db_path},
        description="Load new articles from the inbox into the DuckDB warehouse.",
        tags=["news-warehouse"],
        # One writer per DuckDB file: a run still going when the next is due makes that one wait.
        concurrency_limit=1,
    )


def serve_deployment(deployment: RunnerDeployment) -> None:
    """Register the deployment and execute its scheduled runs until interrupted."""
    serve(deployment)
