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
        full = type(self).__all_fields__
        if len(self.__pydantic_fields_set__) == len(full):
            _set(self, "__pydantic_fields_set__", full)
        return self

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Record:
        copied = super().model_copy(update=update, deep=deep)
        full = type(self).__all_fields__
        if len(copied.__pydantic_fields_set__) == len(full):
            _set(copied, "__pydantic_fields_set__", full)
        return copied

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        # one set per class, never changed: every record holding all the fields points to it
        cls.__all_fields__ = set(cls.model_fields)
