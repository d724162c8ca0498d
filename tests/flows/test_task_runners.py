"""Where extraction runs: this machine's worker processes (default) or a Dask cluster; the
warehouse is the same either way, loaded by the flow alone."""

import shutil
from pathlib import Path

from warehouse_reads import contents

from flows.ingest import ingest_news, with_task_runner
from warehouse.config import settings_from

DATA = Path(__file__).parents[1] / "data"
FACTS = {
    "articles": "select article_id, language from articles",
    "mentions": "select * exclude (extractor_version) from mentions",
    "amounts": "select * exclude (extractor_version) from amounts",
    "entities": "select * from entities",
}


def test_dask_local_cluster_and_local_processes_build_the_same_warehouse(tmp_path, sample_inbox):
    inbox = tmp_path / "inbox"
    shutil.copytree(sample_inbox, inbox)
    shutil.copy(DATA / "corpus_sample.jsonl", inbox / "news.jsonl")
    in_process, local, dask = tmp_path / "one.duckdb", tmp_path / "local.duckdb", tmp_path / "dask.duckdb"

    ingest_news(inbox=str(inbox), db_path=str(in_process), extract_processes=1)
    ingest_news(inbox=str(inbox), db_path=str(local), extract_processes=2, batch_size=4)
    settings = settings_from(db=str(dask), inbox=str(inbox), task_runner="dask", extract_processes=2)
    summary = with_task_runner(ingest_news, settings)(
        inbox=str(inbox), db_path=str(dask), batch_size=4, task_runner="dask", extract_processes=2)

    assert summary.counts.articles_loaded == 22 and summary.status == "completed"
    assert contents(dask, FACTS) == contents(local, FACTS) == contents(in_process, FACTS)


def test_the_task_runner_follows_the_settings():
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from flows.runners import task_runner_for

    assert isinstance(task_runner_for(settings_from(env={})), ThreadPoolTaskRunner)
    remote = task_runner_for(settings_from(env={"NEWS_WAREHOUSE_DASK_ADDRESS": "tcp://10.0.0.5:8786"}))
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://10.0.0.5:8786"
    local = task_runner_for(settings_from(env={"NEWS_WAREHOUSE_TASK_RUNNER": "dask",
                                               "NEWS_WAREHOUSE_EXTRACT_PROCESSES": "3"}))
    assert local.cluster_kwargs["n_workers"] == 3 and local.cluster_kwargs["threads_per_worker"] == 1
