"""Views of a :class:`~unspoof.model.Report` for people: HTML for the web page and ``scan --html``."""

from .html import render_document, render_view, write_html

__all__ = ["render_document", "render_view", "write_html"]
