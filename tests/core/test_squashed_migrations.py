"""The squashed migrations build the very schema the migrations they replace build one by one.

A new database takes the squashed ones (a demo in half the time); a database made before the squash
keeps its own; both must end with the same tables, columns, keys, indexes and checks.
"""

import re

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.migrating import migrate_one_by_one

SQLITE_ORDINAL = re.compile(r"__unnamed_constraint_\d+__|fk_\d+")
OURS = ["attraction", "chains", "core", "figures", "plans", "projects", "review", "units", "verdicts"]


def schema() -> dict:
    introspection = connection.introspection
    with connection.cursor() as cursor:
        return {table: (columns(introspection, cursor, table), constraints(introspection, cursor, table))
                for table in sorted(introspection.table_names(cursor)) if table != "django_migrations"}


def columns(introspection, cursor, table) -> set:
    return {(c.name, str(c.type_code), c.null_ok, c.default)
            for c in introspection.get_table_description(cursor, table)}


def constraints(introspection, cursor, table) -> set:
    """Named ones by name and content; SQLite's unnamed checks and foreign keys by content only (their
    numbers follow the order of the columns, which adding a field changes)."""
    return {(None if SQLITE_ORDINAL.fullmatch(name) else name, tuple(c["columns"]), c["primary_key"],
             c["unique"], c["check"], c["index"], str(c.get("foreign_key")), str(c.get("type")),
             tuple(c.get("orders") or ()))
            for name, c in introspection.get_constraints(cursor, table).items()}


def test_the_squashed_migrations_replace_the_old_ones_in_every_app_squashed():
    squashed = {app for app, _ in MigrationLoader(None).replacements}
    assert squashed == set(OURS)


@pytest.mark.django_db(transaction=True)
def test_a_database_migrated_one_by_one_ends_with_the_squashed_schema():
    made_squashed = schema()
    migrate_one_by_one([(app, None) for app in OURS + ["accounts"]])  # the users too: all of ours from nothing
    assert "figures_figure" not in connection.introspection.table_names()
    migrate_one_by_one()
    made_one_by_one = schema()
    assert made_one_by_one.keys() == made_squashed.keys()
    assert differences(made_squashed, made_one_by_one) == {}


def differences(one: dict, other: dict) -> dict:
    """Per table that differs: (columns, constraints), each as (only in one, only in the other)."""
    return {table: [(sorted(a - b, key=str), sorted(b - a, key=str))
                    for a, b in zip(one[table], other[table], strict=True)]
            for table in one if one[table] != other[table]}
