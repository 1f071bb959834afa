import pytest

from reportgen.content.deck import build_deck
from reportgen.render.pptx import render_deck


@pytest.fixture(scope="session")
def decks(seed, briefing, tmp_path_factory):
    """The seed deck in both languages: (content model, pptx bytes)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        built = {}
        for lang in ("zh", "en"):
            deck = build_deck(seed, briefing, briefing.deck, lang)
            built[lang] = (deck, render_deck(deck, briefing))
    return built
