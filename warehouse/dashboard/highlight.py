"""An article's body as HTML with its entity mentions and figures marked (a plain function)."""

from __future__ import annotations

from html import escape

# One colour per entity type and one for figures, readable on white (and named in the legend).
COLOURS = {"PER": "#fde68a", "ORG": "#bfdbfe", "LOC": "#bbf7d0", "MISC": "#e9d5ff", "figure": "#fecaca"}


def marked_body(body: str, spans: list[dict]) -> str:
    """`body` escaped for HTML, paragraphs kept, each span (`start_char`, `end_char`, `what`:
    entity or figure, `kind`: its label or figure kind, `detail`) wrapped in a coloured <mark>
    whose title says what it is. Spans overlapping one already marked are left out: a figure
    inside an entity's span keeps the entity's mark."""
    parts, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s["start_char"], -s["end_char"])):
        start, end = int(span["start_char"]), int(span["end_char"])
        if start < cursor or end > len(body) or start >= end or "\n" in body[start:end]:
            continue
        colour = COLOURS["figure"] if span["what"] == "figure" else COLOURS.get(span["kind"], "#e5e7eb")
        detail = span.get("detail") or ""
        title = f"{span['kind']}: {detail}" if detail else str(span["kind"])
        parts += [escape(body[cursor:start]),
                  f'<mark style="background:{colour}" title="{escape(title)}">{escape(body[start:end])}</mark>']
        cursor = end
    parts.append(escape(body[cursor:]))
    paragraphs = "".join(parts).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())


def legend() -> str:
    """The colours' key, as HTML."""
    names = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other name", "figure": "figure"}
    return " ".join(f'<mark style="background:{COLOURS[key]}">{names[key]}</mark>' for key in COLOURS)
