"""The register's one filter (search words, scale, local or outside, archived), for the page and the API."""

from luoshi.enterprises import register
from luoshi.enterprises.forms import SearchForm


def filtered(rows, params):
    """ROWS narrowed by PARAMS (q, scale, where=local|outside, archived), and the form that read them."""
    form = SearchForm(params)
    chosen = form.cleaned_data if form.is_valid() else {}
    rows = register.search(rows, chosen.get("q", ""))
    if chosen.get("scale"):
        rows = rows.filter(scale=chosen["scale"])
    if chosen.get("where"):
        rows = rows.filter(outside=chosen["where"] == "outside")
    return (rows if chosen.get("archived") else rows.active()), form
