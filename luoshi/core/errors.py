"""The one error shape for input that cannot be used: a message plus `detail`, one entry per bad field."""


class FieldErrors(ValueError):
    """Input that cannot be used; `detail` lists each bad field as {"field": …, "message": …}.

    Views show `detail` beside the form, the API returns it as `{"error": …, "detail": detail}`.
    """

    def __init__(self, detail: list[dict]):
        super().__init__("; ".join(f"{d['field']}: {d['message']}" for d in detail))
        self.detail = detail
