"""Reading plans: propose every quantitative target of a plan text (规划目标抽取).

Pure Python, no Django: `extract(text)` returns the targets as JSON-ready dicts,
`read_document(path)` reads .txt (UTF-8/GBK), .docx, PDF and HTML into text.
"""

from .core import extract
from .errors import ExtractionError
from .reader import read_document

__all__ = ["ExtractionError", "extract", "read_document"]
