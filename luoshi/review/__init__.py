"""审核: creating a plan from its text and reviewing the targets the extractor proposes."""
