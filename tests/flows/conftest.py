"""Real Prefect runs: one temporary Prefect server for the whole session."""

import os

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(autouse=True, scope="session")
def prefect_server():
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Starting the server takes ~10 s here; shared CI machines can be several times slower.
    with prefect_test_harness(server_startup_timeout=120):
        yield
