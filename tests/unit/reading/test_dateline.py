"""Agency datelines at the start of a body."""

import pytest

from warehouse.reading.dateline import parse_dateline


@pytest.mark.parametrize("body, place, agency, country", [
    ("Moscú, 11 nov (EFE).- El presidente", "Moscú", "EFE", None),
    ("Melbourne (Australia), 25 may (EFE).- Texto", "Melbourne", "EFE", "Australia"),
    ("Nueva York, 3 sept. (AFP).- Texto", "Nueva York", "AFP", None),
    ("Madrid, 1 ene (Europa Press) - Texto", "Madrid", "Europa Press", None),
    ("San José de Costa Rica, 9 jul (EFE).— Texto", "San José de Costa Rica", "EFE", None),
], ids=["efe", "country-in-parentheses", "afp-abbreviated-month", "europa-press-plain-dash", "long-place"])
def test_dateline_place_agency_and_offsets(body, place, agency, country):
    dateline = parse_dateline(body)
    assert (dateline.place, dateline.agency, dateline.country) == (place, agency, country)
    assert body[dateline.place_start:dateline.place_end] == place
    assert body[dateline.agency_start:dateline.agency_end] == agency


@pytest.mark.parametrize("body", [
    "El presidente de Rusia, Vladímir Putin, dijo hoy (EFE).- nada",
    "Según datos oficiales, 11 nov es una fecha.",
    '"El punto clave de mi visita a Moscú", adelantó.',
], ids=["sentence-not-dateline", "no-agency", "quote"])
def test_text_without_dateline_gives_none(body):
    assert parse_dateline(body) is None
