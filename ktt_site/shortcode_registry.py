"""All shortcodes editors can use, gathered from the modules that own them."""

from __future__ import annotations

from ktt_site.shortcodes import Shortcode

SHORTCODES: dict[str, Shortcode] = {}
