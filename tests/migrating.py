"""The migrations one by one, as a database made before their squash went through them.

A new database takes the squashed migrations; the data migrations they replace still run on a database
that has the old ones, so their tests walk the old graph: the old migrations, the squashed ones taken out.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader


def migrate_one_by_one(targets=None) -> MigrationExecutor:
    """Migrate to ``targets`` (default: the latest) along the unsquashed migrations."""
    executor = MigrationExecutor(connection)
    loader = executor.loader = MigrationLoader(connection, replace_migrations=False)
    for key, squashed in loader.replacements.items():
        loader.graph.remove_replacement_node(key, squashed.replaces)
    executor.migrate(targets or loader.graph.leaf_nodes())
    return executor
