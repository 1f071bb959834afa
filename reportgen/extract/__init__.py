"""Chinese news text -> candidate facts (numbers, units, hedges, subjects, sentences).

The extractor proposes; a person reviews; ``reportgen validate`` proves; the build draws.
"""

from reportgen.extract.facts import Fact, extract

__all__ = ["Fact", "extract"]
