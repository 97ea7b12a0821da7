"""The base of every record: frozen, so a stage can never alter what an earlier stage produced."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

_set = object.__setattr__


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    @model_validator(mode="after")
    def _share_fields_set(self) -> Record:
        """A record given every field (as every stored one is read back) shares its class's set of
        field names instead of holding its own: pydantic makes one per record, 2 KiB for a claim's
        22 fields, which was a third of a claim's memory. The set is never changed in place: the
        records are frozen, and pydantic copies it before adding to it (`model_copy`)."""
        return _sharing_fields_set(self)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Record:
        return _sharing_fields_set(super().model_copy(update=update, deep=deep))

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # one set per class, never changed: every record holding all the fields points to it
        cls.__all_fields__ = set(cls.model_fields)


def _sharing_fields_set(record: Record) -> Record:
    """The record, holding its class's one set of field names when it was given them all."""
    full = type(record).__all_fields__
    if len(record.__pydantic_fields_set__) == len(full):
        _set(record, "__pydantic_fields_set__", full)
    return record
