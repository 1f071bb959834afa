"""reportgen: news-article facts to validated tables, briefing decks and PDF summaries."""

__version__ = "0.1.0"
