"""Prepared reads for a hot path (a figure submission): SQL written once per process from the models' own
metadata, run on the connection's cursor, each row made a model instance as the ORM makes it
(`Model.from_db` after the backend's converters) — without compiling a query on every request, which costs
the ORM 0.2–1 ms of Python a query against 0.01–0.03 ms for the database to answer it.

    reader = Columns(Figure, "f")
    rows = fetch(f"SELECT {reader.select} FROM {reader.table} WHERE f.id IN ({marks(ids)})", ids)
    figures = [reader.instance(row) for row in rows]

Parameters are always passed separately (`%s`, on SQLite and PostgreSQL alike), never formatted in.
"""

from functools import cache, cached_property

from django.db import DEFAULT_DB_ALIAS, connection, connections


def _db():
    """This thread's connection itself (the `connection` proxy finds it again at every attribute read)."""
    return connections[DEFAULT_DB_ALIAS]


@cache
def quoted(name: str) -> str:
    """NAME quoted for the default database (once per process: a process has one)."""
    return connection.ops.quote_name(name)


def marks(values) -> str:
    """As many `%s` as VALUES, comma-separated (an `IN (…)` list)."""
    return ", ".join(["%s"] * len(values))


def fetch(sql: str, params) -> list[tuple]:
    with _db().cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def insert(objs: list) -> list:
    """INSERT OBJS (new instances of one model without auto_now fields) as `bulk_create` does — each value
    prepared by its field, the primary keys from RETURNING; several rows on PostgreSQL as one parameter per
    column (UNNEST of arrays, as Django's own bulk insert), else chunks of rows at the parameter limit — without compiling
    the statement through the ORM (for a batch of 50, 20 times the cost)."""
    if not objs:
        return objs
    model, db = type(objs[0]), _db()
    if not db.features.can_return_rows_from_bulk_insert:
        return model.objects.bulk_create(objs)
    fields, head, size = _insert_statement(model)
    size = size or len(objs)
    for i in range(0, len(objs), size):
        chunk = objs[i:i + size]
        rows = [[f.get_db_prep_save(getattr(obj, f.attname), db) for f in fields] for obj in chunk]
        unnest = db.vendor == "postgresql" and len(rows) > 1
        values, params = _unnest(model, rows) if unnest else _rows(fields, rows)
        ids = fetch(f"{head}{values} RETURNING {quoted(model._meta.pk.column)}", params)
        for obj, (pk_value,) in zip(chunk, ids, strict=True):
            obj.pk = pk_value
            obj._state.adding, obj._state.db = False, db.alias
    return objs


@cache
def _insert_statement(model) -> tuple[list, str, int | None]:
    """MODEL's fields as `insert` writes them, the statement's head, and rows per statement (None: all)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    limit = _db().features.max_query_params
    head = f"INSERT INTO {quoted(model._meta.db_table)} ({', '.join(quoted(f.column) for f in fields)}) "
    return fields, head, max(1, limit // len(fields)) if limit else None


def update(model, names: list[str], rows: list[tuple]) -> None:
    """Set the fields NAMES of MODEL's rows: ROWS are (primary key, *values), each value prepared by its
    field; one statement (several rows on PostgreSQL: UPDATE … FROM UNNEST of arrays; else an executemany)."""
    if not rows:
        return
    fields, db = [model._meta.get_field(name) for name in names], _db()
    pk, table = model._meta.pk, quoted(model._meta.db_table)
    ready = [[key, *(f.get_db_prep_save(v, db) for f, v in zip(fields, values, strict=True))]
             for key, *values in rows]
    with db.cursor() as cursor:
        if db.vendor == "postgresql" and len(ready) > 1:
            types = _array_types(model, (pk.name, *names))
            arrays = ", ".join(f"(%s)::{t}[]" for t in types)
            aliases = ", ".join(f"c{i}" for i in range(len(types)))
            sets = ", ".join(f"{quoted(f.column)} = v.c{i}" for i, f in enumerate(fields, start=1))
            cursor.execute(f"UPDATE {table} SET {sets} FROM UNNEST({arrays}) AS v({aliases}) "
                           f"WHERE {table}.{quoted(pk.column)} = v.c0", [list(c) for c in zip(*ready, strict=True)])
        else:
            sets = ", ".join(f"{quoted(f.column)} = %s" for f in fields)
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE {quoted(pk.column)} = %s",
                               [[*values, key] for key, *values in ready])


def _rows(fields, rows) -> tuple[str, list]:
    row = f"({marks(fields)})"
    return f"VALUES {', '.join([row] * len(rows))}", [value for values in rows for value in values]


def _unnest(model, rows) -> tuple[str, list]:
    """One array parameter per column, of the column's type without its length (no truncation)."""
    return (f"SELECT * FROM UNNEST({', '.join(f'(%s)::{t}[]' for t in _array_types(model))})",
            [list(column) for column in zip(*rows, strict=True)])


@cache
def _array_types(model, names: tuple[str, ...] | None = None) -> list[str]:
    """The PostgreSQL types of MODEL's columns NAMES (default: all but the primary key), without length."""
    fields = ([f for f in model._meta.concrete_fields if not f.primary_key] if names is None
              else [model._meta.get_field(name) for name in names])
    return [f.db_type(_db()).split("(")[0] for f in fields]


@cache
def columns(model, alias: str) -> "Columns":
    """MODEL's `Columns` under ALIAS, made once per process."""
    return Columns(model, alias)


class Columns:
    """The concrete columns of MODEL under the table alias ALIAS, and its rows made instances."""

    def __init__(self, model, alias: str):
        self.model, self.alias = model, alias
        self.fields = model._meta.concrete_fields
        self.names = [f.attname for f in self.fields]
        self.width = len(self.fields)
        self._positions = {name: i for i, name in enumerate(self.names)}
        self._pk = self._positions[model._meta.pk.attname]
        self.table = f"{quoted(model._meta.db_table)} {alias}"
        self.select = ", ".join(f"{alias}.{quoted(f.column)}" for f in self.fields)

    @cached_property
    def _converters(self) -> list[tuple[int, list, object]]:
        """(position, converters, expression) of the columns whose values the backend converts (SQLite: dates,
        decimals, booleans, JSON; PostgreSQL: JSON). Found once per process: they depend on the backend and the
        settings (time zone), not on the connection."""
        found = []
        for i, field in enumerate(self.fields):
            column = field.get_col(self.alias)
            converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if converters:
                found.append((i, converters, column))
        return found

    def position(self, name: str) -> int:
        """Where the column of field NAME (its attname) is among the columns."""
        return self._positions[name]

    def convert(self, name: str, value):
        """VALUE as read from the column of field NAME, converted as the ORM converts it."""
        converters, column = self._converting.get(self._positions[name], ((), None))
        if converters:
            db = _db()
            for convert in converters:
                value = convert(value, column, db)
        return value

    @cached_property
    def _converting(self) -> dict[int, tuple[list, object]]:
        return {i: (converters, column) for i, converters, column in self._converters}

    def values(self, row, start: int = 0) -> list:
        values, db = list(row[start:start + self.width]), _db()
        for i, converters, column in self._converters:
            for convert in converters:
                values[i] = convert(values[i], column, db)
        return values

    def instance(self, row, start: int = 0):
        """The instance in ROW's columns from START (None when its primary key is NULL: an outer join found
        none)."""
        values = self.values(row, start)
        if values[self._pk] is None:
            return None
        return self.model.from_db(DEFAULT_DB_ALIAS, self.names, values)
