"""Form widgets shared by every app."""

from django import forms


class DateInput(forms.DateInput):
    """<input type="date">: its value is always ISO (2026-12-01), which the browser requires, whatever the
    language's display format (Chinese 2026/12/01 would be rejected and show an empty field)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
