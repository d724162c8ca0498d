"""The scheduled deployment: `news-warehouse serve` runs `ingest_news` on a cron schedule."""

from __future__ import annotations

import asyncio
import signal
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from cronsim import CronSim
from prefect.deployments.runner import RunnerDeployment
from prefect.exceptions import TerminationSignal
from prefect.runner import Runner

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


class _Runner(Runner):
    def handle_sigterm(self, *args, **kwargs) -> None:
        # Prefect 3.8.8's own handler calls `self.stop()` from inside the runner's event loop,
        # where the sync-or-async dispatch hands back the coroutine `astop()` unawaited
        # ("RuntimeWarning: coroutine 'Runner.astop' was never awaited") and exits without
        # stopping anything. Unwind as Ctrl-C does instead: `asyncio.run` cancels the runner's
        # tasks, which run their own cleanup, and `serve_deployment` returns.
        raise TerminationSignal(signal.SIGTERM)


def _raise_termination(signum, frame) -> None:
    raise TerminationSignal(signal.SIGTERM)


async def _start(runner: Runner, on_registered) -> None:
    # The banner that says "Ctrl-C stops serving" goes out from inside the running loop: a
    # Ctrl-C that lands while `asyncio.run` is still building its loop interrupts that half-built
    # loop, whose destructor then prints a traceback (seen once in CI). Once the loop runs,
    # `asyncio.run` owns SIGINT and turns it into a clean cancellation.
    if on_registered is not None:
        on_registered()
    await runner.start()


def serve_deployment(deployment: RunnerDeployment, on_registered=None) -> str:
    """Register the deployment and execute its scheduled runs until Ctrl-C or SIGTERM (returns
    which); `on_registered` is called once the server knows the deployment. What `prefect.serve`
    does, without its banner (whose `prefect deployment run` hint fails without PREFECT_API_URL:
    `cli.cmd_serve` prints what a user needs instead) and with a SIGTERM that stops cleanly."""
    runner = _Runner(pause_on_shutdown=True)
    # The runner installs its SIGTERM handler when it starts; until then, the same behaviour.
    previous = signal.signal(signal.SIGTERM, _raise_termination)
    try:
        runner.add_deployment(deployment)   # registered with the server here
        asyncio.run(_start(runner, on_registered))
    except KeyboardInterrupt:
        return "interrupted"
    except asyncio.CancelledError:
        # Ctrl-C makes `asyncio.run` cancel the runner's task, and it turns that back into
        # KeyboardInterrupt only when the task was cancelled exactly once. Ctrl-C landing while
        # the runner cancels its own task group leaves a higher count, and the CancelledError
        # escapes (seen once in CI). Nothing else cancels the main task, so it is the same Ctrl-C.
        return "interrupted"
    except TerminationSignal:
        return "SIGTERM"
    finally:
        signal.signal(signal.SIGTERM, previous)
    return "stopped"


def next_run(deployment: RunnerDeployment, now: datetime | None = None) -> datetime:
    """When the deployment's cron schedule next comes due, in the schedule's time zone (UTC
    unless set)."""
    schedule = deployment.schedules[0].schedule
    zone = ZoneInfo(schedule.timezone) if schedule.timezone else timezone.utc
    return next(CronSim(schedule.cron, (now or datetime.now(timezone.utc)).astimezone(zone)))
