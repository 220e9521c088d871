"""The error shapes for input that cannot be used: `FieldErrors` (a message plus `detail`, one entry per bad
field) and `EntryError` (one bad cell of a row: a form row, a sheet, a CSV file or an API item)."""

from dataclasses import dataclass


class FieldErrors(ValueError):
    """Input that cannot be used; `detail` lists each bad field as {"field": …, "message": …}.

    Views show `detail` beside the form, the API returns it as `{"error": …, "detail": detail}`.
    """

    def __init__(self, detail: list[dict]):
        super().__init__("; ".join(f"{d['field']}: {d['message']}" for d in detail))
        self.detail = detail


@dataclass(frozen=True)
class EntryError:
    """A bad cell: row, column, the value found and the reason, in words a reporter can act on."""

    row: int | str
    column: str
    value: str
    reason: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}

    def __str__(self) -> str:
        return f"第 {self.row} 行 {self.column}「{self.value}」:{self.reason}"
