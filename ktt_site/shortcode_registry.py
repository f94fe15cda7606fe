"""All shortcodes editors can use, gathered from the modules that own them."""

from __future__ import annotations

from ktt_site.bulletin.shortcodes import SHORTCODES as BULLETIN_SHORTCODES
from ktt_site.legal.shortcodes import VAN_BAN
from ktt_site.plans.shortcodes import TIEN_DO, TONG_QUAN_TIEN_DO
from ktt_site.shortcodes import Shortcode

SHORTCODES: dict[str, Shortcode] = {}
SHORTCODES.update(BULLETIN_SHORTCODES)
SHORTCODES[VAN_BAN.name] = VAN_BAN
SHORTCODES[TIEN_DO.name] = TIEN_DO
SHORTCODES[TONG_QUAN_TIEN_DO.name] = TONG_QUAN_TIEN_DO
