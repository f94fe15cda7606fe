"""Dates as readers see them (dd/mm/yyyy, Asia/Ho_Chi_Minh) and the reproducible build date."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, PlainSerializer

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """Today in Vietnam, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    return build_moment(environ).date()


def build_moment(environ: dict[str, str] | None = None) -> dt.datetime:
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=TIMEZONE)
    return dt.datetime.now(tz=TIMEZONE)


def at_noon(day: dt.date) -> dt.datetime:
    """A date as a moment in Vietnam (noon avoids any day shift in readers' time zones)."""
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=TIMEZONE)


def vn_date(day: dt.date | dt.datetime | None) -> str:
    """``31/05/2018``."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.astimezone(TIMEZONE).date()
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year (``2005``, ``2005-09``, ``2005-09-14``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.month:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day:
            return vn_date(self.first_day)
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    def isoformat(self) -> str:
        if self.day:
            return self.first_day.isoformat()
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _padded(value: Any) -> Any:
    """``2018-3-5`` as ``2018-03-05``: dates are read as text, and YAML 1.1 took both."""
    if isinstance(value, str):
        match = _UNPADDED.fullmatch(value.strip())
        if match:
            return f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    return value


Date = Annotated[dt.date, BeforeValidator(_padded)]
"""A date written ``2018-03-05`` (or ``2018-3-5``)."""


def _parse_partial(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return PartialDate(value)
    if isinstance(value, str):
        # A quoted full date ("2012-11-20") and a serialised PartialDate read back the same way.
        try:
            return _parse_partial(dt.date.fromisoformat(_padded(value)))
        except ValueError:
            pass
        match = _PARTIAL.match(value.strip())
        if match:
            year, month = int(match.group(1)), match.group(2)
            if month is None:
                return PartialDate(year)
            if 1 <= int(month) <= 12:
                return PartialDate(year, int(month))
    raise ValueError(
        f"ngày '{value}' không hợp lệ; viết NĂM-THÁNG-NGÀY (2005-09-14), "
        "hoặc NĂM-THÁNG (2005-09) nếu chỉ biết tháng, hoặc chỉ NĂM (2005)"
    )


FlexibleDate = Annotated[
    PartialDate,
    BeforeValidator(_parse_partial),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
]
"""A date field that also accepts a month (``2005-09``) or a year (``2005``) alone."""
