"""Cells for spreadsheets and CSV: text people typed never becomes a live formula (formula injection).

A cell beginning with = + - @ (or a tab or carriage return) is run as a formula by Excel, WPS or
LibreOffice when the file is opened. Numbers, dates and empty cells pass unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def safe_cell(value):
    """VALUE for a CSV field: text that would start a formula is prefixed with ' so it opens as text."""
    return "'" + value if formula_like(value) else value


def text_cell(cell):
    """An openpyxl CELL whose text would start a formula is stored as a string cell, its text kept exactly."""
    if formula_like(cell.value):
        cell.data_type = "s"
    return cell
