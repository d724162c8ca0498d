"""Which published state a reader would open, and when that changes (no database needed)."""

import os

import pytest

from warehouse.dashboard.source import NothingPublished, published_state, sql_text
from warehouse.storage.snapshots import snapshot_path


def test_a_warehouse_without_a_snapshot_has_nothing_published(tmp_path):
    (tmp_path / "w.duckdb").write_bytes(b"the writer's file is never read")
    with pytest.raises(NothingPublished, match="no published snapshot"):
        published_state(tmp_path / "w.duckdb")


def test_every_publication_is_a_new_state_even_with_the_same_size_and_time(tmp_path):
    db_path = tmp_path / "w.duckdb"
    snapshot = snapshot_path(db_path)
    snapshot.write_bytes(b"first")
    first = published_state(db_path)
    assert published_state(db_path) == first and first.where == snapshot
    stamp = os.stat(snapshot)
    replacement = tmp_path / ".w.snapshot.duckdb.tmp"
    replacement.write_bytes(b"other")
    os.utime(replacement, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    os.replace(replacement, snapshot)   # as publish_snapshot does: a rename over the old file
    assert published_state(db_path) != first


def test_the_pages_queries_are_files_of_sql_dashboard_or_named_with_their_folder():
    assert "from top_entities_by_type" in sql_text("entity_search")
    assert "from source_files" in sql_text("queries/files_needing_attention")
