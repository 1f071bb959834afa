import pytest

from reportgen.data import load_dataset
from reportgen.template import load_template
from tests.conftest import SEED_DIR


@pytest.fixture(scope="session")
def seed():
    return load_dataset(SEED_DIR)


@pytest.fixture(scope="session")
def briefing(seed):
    return load_template("briefing", {m.id for m in seed.metrics})


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test gets its own chart cache, so no test passes on another's leftovers."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
