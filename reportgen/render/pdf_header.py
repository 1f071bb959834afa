"""The PDF's running header: the document's title at the top of every page, fitted to its
line. The renderer draws it and the check recognises it as page furniture, so both read the
cut from here."""

from __future__ import annotations

from collections.abc import Callable

#: The running header's size in points.
HEADER_SIZE = 8
#: What ends a running header cut to fit its line.
ELLIPSIS = "…"


def fitted_header(title: str, width: Callable[[str], float], room: float) -> str:
    """The title, or as much of it as fits ``room`` points (measured by ``width``) followed
    by an ellipsis: a long title drawn whole ran off the right edge of the page. The title
    block of the first page still prints it in full."""
    if width(title) <= room:
        return title
    cut = len(title)
    while cut and width(title[:cut].rstrip() + ELLIPSIS) > room:
        cut -= 1
    return title[:cut].rstrip() + ELLIPSIS
