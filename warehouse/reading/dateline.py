"""Agency datelines: `Moscú, 11 nov (EFE).- El presidente ...`.

A wire article opens with the place it was filed from, the day and month, and the agency in
parentheses, closed by `.-`. Readers store its place and agency as article attributes; the entity
pipeline turns the same spans into a LOC and an ORG mention. One parser serves both, so the two
can never disagree on what the dateline is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spanish month abbreviations as wire services write them (`11 nov`, `3 sept.`), or the full name.
_MONTH = (
    r"(?:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?"
    r"|ago(?:sto)?|sep(?:t(?:iembre)?)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)\.?"
)

# Place: one to six capitalised words (`Moscú`, `Nueva York`, `San José de Costa Rica`), optionally
# followed by a country in parentheses (`Melbourne (Australia)`). The agency is whatever short
# text stands in the parentheses before `.-`, so unknown agencies are still recognised.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÁÉÍÓÚÑÜ][\w'’.\-]*(?:[ \t]+(?:de|del|la|las|los|el|[A-ZÁÉÍÓÚÑÜ][\w'’.\-]*)){0,5})"
    r"(?:[ \t]*\((?P<country>[^()\n]{2,40})\))?"
    r"[ \t]*,[ \t]*(?P<day>\d{1,2})[ \t]+" + _MONTH + r"[ \t]*"
    r"\((?P<agency>[^()\n]{2,40})\)[ \t]*\.?[ \t]*[-–—]",
)


@dataclass(frozen=True)
class Dateline:
    place: str
    place_start: int
    place_end: int
    agency: str
    agency_start: int
    agency_end: int
    country: str | None
    end: int  # index just past the closing `.-`


def parse_dateline(body: str) -> Dateline | None:
    """The dateline at the start of `body`, with offsets into `body`, or None."""
    match = _DATELINE.match(body)
    if match is None:
        return None
    return Dateline(
        place=match["place"],
        place_start=match.start("place"),
        place_end=match.end("place"),
        agency=match["agency"].strip(),
        agency_start=match.start("agency") + (len(match["agency"]) - len(match["agency"].lstrip())),
        agency_end=match.end("agency") - (len(match["agency"]) - len(match["agency"].rstrip())),
        country=match["country"].strip() if match["country"] else None,
        end=match.end(),
    )
