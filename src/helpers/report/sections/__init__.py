"""The sections of a report page, one module each, in the order the page shows them.

Every section module has the same parts: `NAME`; `numbers(t, ctx)`, which returns the context
fields the section owns, computed from the loader's tables (`report.tables.tables`) and the
page's identity (code, year, basis, language) and, for the later ones, what the earlier sections
computed; `FIGURE`, the function drawing its chart with the chart's alt text (the charts are in
`report.figures`), or None; and `TEMPLATE`, the template that renders it ("{lang}" replaced by
the page's language). `report.page` computes the sections in this order and renders them by
name.
"""

from __future__ import annotations

from types import ModuleType

from . import fundamentals, headline, history, indices, method, moved, narrative, peers, targets

#: The sections in page order (also the order their numbers are computed in: `method` reads
#: the sources the targets section cites).
ORDER: tuple[ModuleType, ...] = (headline, narrative, history, indices, moved, peers,
                                 fundamentals, targets, method)
SECTIONS = tuple(section.NAME for section in ORDER)
BY_NAME: dict[str, ModuleType] = {section.NAME: section for section in ORDER}

