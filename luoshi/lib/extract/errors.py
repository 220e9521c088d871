"""The one error the extractor raises."""


class ExtractionError(Exception):
    """A document could not be read: the message is "PATH: reason"."""
