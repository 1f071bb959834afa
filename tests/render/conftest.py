import pytest

from reportgen.content.deck import build_deck
from reportgen.data import load_dataset
from reportgen.render.pptx import render_deck
from reportgen.template import load_template
from tests.conftest import SEED_DIR


@pytest.fixture(scope="session")
def seed():
    return load_dataset(SEED_DIR)


@pytest.fixture(scope="session")
def briefing(seed):
    return load_template("briefing", {m.id for m in seed.metrics})


@pytest.fixture(scope="session")
def decks(seed, briefing, tmp_path_factory):
    """The seed deck in both languages: (content model, pptx bytes)."""
    import os

    os.environ["REPORTGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    built = {}
    for lang in ("zh", "en"):
        deck = build_deck(seed, briefing, briefing.deck, lang)
        built[lang] = (deck, render_deck(deck, briefing))
    return built
