"""Records of the duplicate finder: the task to compare and the pair it suggests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Required, TypedDict

__all__ = ["TaskRef", "Pair", "PairKind", "TaskDict", "PairDict"]

PairKind = Literal["same_cadre_other_year", "same_unit", "other_unit"]


class TaskDict(TypedDict, total=False):
    """A TASKS.jsonl line (CONTRACT.md): ``id`` and ``text`` required; an empty cadre,
    unit or year is none."""

    id: Required[str | int]
    text: Required[str]
    cadre: str | None
    unit: str | None
    year: int | str | None


class PairDict(TypedDict):
    """A PAIRS.jsonl line (CONTRACT.md)."""

    a: str
    b: str
    score: float
    kind: PairKind
    reason: str


@dataclass(frozen=True, slots=True)
class TaskRef:
    """One task to compare: its id, text as written, and who/where/when (optional).

    >>> TaskRef("t1", "Xây dựng xã Tân Mỹ đạt chuẩn NTM", cadre="Đỗ Văn Hiếu", year=2022)
    TaskRef(id='t1', text='Xây dựng xã Tân Mỹ đạt chuẩn NTM', cadre='Đỗ Văn Hiếu', unit=None, year=2022)
    """

    id: str
    text: str
    cadre: str | None = None
    unit: str | None = None
    year: int | None = None

    @classmethod
    def from_dict(cls, data: TaskDict) -> TaskRef:
        """Build from a TASKS.jsonl line (``id`` and ``text`` required).

        >>> TaskRef.from_dict({"id": 7, "text": "Xây dựng NTM", "unit": "", "year": "2023"})
        TaskRef(id='7', text='Xây dựng NTM', cadre=None, unit=None, year=2023)
        """
        year = data.get("year")
        return cls(str(data["id"]), str(data["text"]), data.get("cadre") or None,
                   data.get("unit") or None, int(year) if year is not None and year != "" else None)


@dataclass(frozen=True, slots=True)
class Pair:
    """A suggested duplicate: ids ``a`` < ``b``, score 0-100, kind and a Vietnamese reason.

    ``kind``: ``same_cadre_other_year`` (a task carried over by the same cadre),
    ``same_unit`` (two cadres of one unit), ``other_unit`` (anything else).
    """

    a: str
    b: str
    score: float
    kind: PairKind
    reason: str

    def to_dict(self) -> PairDict:
        """The PAIRS.jsonl shape of CONTRACT.md."""
        return {"a": self.a, "b": self.b, "score": self.score, "kind": self.kind,
                "reason": self.reason}
