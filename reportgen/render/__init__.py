"""Renderers: one per output format, each drawing the content model it is given."""
