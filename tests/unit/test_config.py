"""Settings from arguments and NEWS_WAREHOUSE_* variables."""

import pytest

from warehouse.config import SettingsError, settings_from
from warehouse.stories.settings import StorySettings


def test_story_thresholds_default_to_the_story_settings_defaults():
    settings = settings_from(env={})
    assert (settings.story_min_containment, settings.story_min_jaccard) == \
        (StorySettings().min_containment, StorySettings().min_jaccard)


def test_story_thresholds_come_from_the_environment():
    settings = settings_from(env={"NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT": "0.6",
                                  "NEWS_WAREHOUSE_STORY_MIN_JACCARD": "0.1"})
    assert (settings.story_min_containment, settings.story_min_jaccard) == (0.6, 0.1)


@pytest.mark.parametrize("value, message", [
    ("1.5", "NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT must be between 0 and 1, got 1.5"),
    ("mucho", "NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT must be a number between 0 and 1, got 'mucho'"),
])
def test_a_story_threshold_out_of_range_is_a_clear_error(value, message):
    with pytest.raises(SettingsError, match=message):
        settings_from(env={"NEWS_WAREHOUSE_STORY_MIN_CONTAINMENT": value})


def test_the_story_window_comes_from_the_environment():
    assert settings_from(env={"NEWS_WAREHOUSE_STORY_MAX_DAYS": "3"}).story_max_days == 3
    with pytest.raises(SettingsError, match="NEWS_WAREHOUSE_STORY_MAX_DAYS must be a whole number"):
        settings_from(env={"NEWS_WAREHOUSE_STORY_MAX_DAYS": "una semana"})


def test_a_ducklake_location_is_parsed_with_its_data_folder(tmp_path):
    catalog = tmp_path / "lake.sqlite"
    lake = settings_from(db=f"ducklake:sqlite:{catalog}", env={}).db_path
    assert (lake.backend, lake.catalog, lake.data_path) == ("sqlite", str(catalog), tmp_path / "lake.files")
    assert lake.lock_path() == tmp_path / "lake.sqlite.lock"
    assert settings_from(db=f"ducklake:{catalog}", env={}).db_path == lake   # SQLite is the default catalog
    postgres = settings_from(env={"NEWS_WAREHOUSE_DB": "ducklake:postgres:dbname=news host=db user=wire",
                                  "NEWS_WAREHOUSE_LAKE_DATA_PATH": str(tmp_path / "files")}).db_path
    assert (postgres.backend, postgres.catalog) == ("postgres", "dbname=news host=db user=wire")
    assert postgres.lock_path() == tmp_path / "files" / ".news-warehouse.lock"


def test_a_ducklake_location_that_cannot_work_is_a_clear_error(tmp_path):
    with pytest.raises(SettingsError, match="expected ducklake:sqlite:PATH or ducklake:postgres:CONNINFO"):
        settings_from(db="ducklake:", env={})
    with pytest.raises(SettingsError, match="is a directory, expected a SQLite file"):
        settings_from(db=f"ducklake:sqlite:{tmp_path}", env={})
    postgres = settings_from(db="ducklake:postgres:dbname=news", env={}).db_path
    with pytest.raises(SettingsError, match="needs NEWS_WAREHOUSE_LAKE_DATA_PATH"):
        postgres.lock_path()


def test_a_mistyped_ducklake_catalog_is_refused_and_passwords_are_never_shown():
    with pytest.raises(SettingsError, match="unknown DuckLake catalog 'postgress'"):
        settings_from(db="ducklake:postgress:dbname=news", env={})
    assert settings_from(db="ducklake:postgresql:dbname=news", env={}).db_path.backend == "postgres"
    for text, shown in [
        ("ducklake:postgres:dbname=news password=s3cret user=wire", "ducklake:postgres:dbname=news password=*** user=wire"),
        ("ducklake:postgres:dbname=news password='s3 cret'", "ducklake:postgres:dbname=news password=***"),
        ("ducklake:postgres:postgresql://wire:s3cret@db/news", "ducklake:postgres:postgresql://wire:***@db/news"),
    ]:
        lake = settings_from(db=text, env={}).db_path
        assert (str(lake), lake.location) == (shown, text)
