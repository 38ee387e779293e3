"""What ``check`` reports, for any store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CheckReport:
    path: str
    documents: int = 0
    readable: int = 0
    problems: list[str] = field(default_factory=list)
    recovered: int | None = None  # set by repair
    lost: int | None = None  # set by repair

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.path,
            "ok": self.ok,
            "documents": self.documents,
            "readable": self.readable,
            "problems": self.problems,
        }
        if self.recovered is not None:
            data["recovered"] = self.recovered
            data["lost"] = self.lost
        return data
