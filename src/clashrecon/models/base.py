"""The base of every record: frozen, so a stage can never alter what an earlier stage produced."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)
