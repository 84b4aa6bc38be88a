"""Records of the duplicate finder: the task to compare and the pair it suggests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["TaskRef", "Pair", "PairKind"]

PairKind = Literal["same_cadre_other_year", "same_unit", "other_unit"]


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
    def from_dict(cls, data: dict) -> "TaskRef":
        """Build from a TASKS.jsonl line (``id`` and ``text`` required)."""
        year = data.get("year")
        return cls(str(data["id"]), str(data["text"]), data.get("cadre") or None,
                   data.get("unit") or None, int(year) if year not in (None, "") else None)


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

    def to_dict(self) -> dict:
        """The PAIRS.jsonl shape of CONTRACT.md."""
        return {"a": self.a, "b": self.b, "score": self.score, "kind": self.kind,
                "reason": self.reason}
