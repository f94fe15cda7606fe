"""Data files as an editor's YAML tool hands them to JSON Schema (shared by the schema tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def as_editor_sees(value: Any) -> Any:
    """YAML as a YAML 1.2 language server hands it to JSON Schema: dates and keys are strings."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
