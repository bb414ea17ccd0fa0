"""Build a snapshot's DuckDB file, in one transaction, with every query from sql/.

The published DuckDB file is never written to: analysts may hold it open (DuckDB then refuses any writer),
so each run writes a new file inside its new snapshot. When the previous snapshot's file was built with the
same schema, the new one starts as a copy of it and only the run's changes are applied (delete the
re-processed articles, insert the run's parts; replace the manifest rows of the files the run saw and add
its run row; reload the reference CSVs only when one changed); otherwise it is built from all Parquet parts.
Either way it holds DUCKDB_TABLES only: the lake-only tables (LAKE_TABLES, the link step's indexes) stay
Parquet parts.
"""

import hashlib
import shutil
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import duckdb

from wirehouse.errors import WirehouseError
from wirehouse.paths import SQL_DIR
from wirehouse.reference import reference_files
from wirehouse.schema import (
    DERIVED_TABLES,
    DUCKDB_TABLES,
    LOADED_ARTICLE_TABLES,
    MANIFEST_TABLES,
    SCHEMA_DIR,
    article_keys,
    read_sql,
    table_ddl,
)
from wirehouse.scratch import spill_config
from wirehouse.store.parquet import part_paths, parts, to_arrow, write_part
from wirehouse.store.spans import SPAN_TABLES


@dataclass(frozen=True)
class Model:
    """sql/models/<name>.sql, filling the table <name> from `source`, one group of rows per `key`.

    Each group depends on the source rows of its key only, so a commit re-derives just the groups whose
    source rows it deleted or inserted (the model runs over a view of the source restricted to them)."""

    name: str
    source: str
    key: str  # the group key, an SQL expression over the source's columns
    target: str  # the column of the model's table that holds it
    to_target: str = "k"  # `k` (a key) as that column holds it


# run in this order after the base tables are loaded
MODELS = (
    Model("speakers", "quotes", r"lower(regexp_extract(speaker, '\S+$'))", "name_group"),  # a surname's group
    Model("stories", "articles", "story_id", "story_id"),
    Model("quote_clusters", "quotes", "cluster_id", "cluster_id"),
)
# A cold build runs a model over slices of its groups when its source has more rows than this: DuckDB held the
# quote_clusters model's work in memory, ~128 MB for the 297,000 quotes of 100,000 bench files, and a cold run
# of 1,000,000 files (2.6 M quotes) failed there at the run's 512 MB cap. Each group depends on its own rows only
# (see Model), so the slices give the same rows.
MODEL_SLICE_ROWS = 500_000
FINGERPRINT = "schema.sha256"  # beside each snapshot's DuckDB file: the DDL of the tables it was built with
SEEDS_FINGERPRINT = "seeds.sha256"  # beside it too: the reference CSVs its reference tables were loaded from


class Start(Enum):
    """What a snapshot's DuckDB file started from."""

    TAKEN = "taken"  # the file of the snapshot before the current one, renamed (store/delta.py)
    COPIED = "copied"  # a copy of the current snapshot's file
    BUILT = "built"  # nothing: every table loaded from the Parquet parts


@dataclass(frozen=True)
class Changes:
    """What a run changed: enough to update a copy of the previous DuckDB file."""

    previous_database: Path | None
    replaced_article_ids: list[str] = field(default_factory=list)
    new_parts: dict[str, list[Path]] = field(default_factory=dict)  # article table -> parts this run added
    # manifest table -> (key column, keys of the rows this run changed): only they are replaced
    manifest_rows: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # article table -> ids whose rows (by article_id alone) go, instead of replaced_article_ids by every key
    rows_of: dict[str, list[str]] | None = None
    taken: bool = False  # previous_database was renamed to the new file (store/delta.py), not copied

    def deleted(self, table: str) -> list[tuple[str, list[str]]]:
        """(column, ids) pairs whose rows of `table` go before the new parts are inserted."""
        if self.rows_of is not None:
            ids = self.rows_of.get(table, [])
            return [("article_id", ids)] if ids else []
        ids = self.replaced_article_ids
        return [(column, ids) for column in article_keys(table)] if ids else []


def schema_fingerprint() -> str:
    """The DDL of the tables a DuckDB file holds: a table moved into or out of LAKE_TABLES changes it too, so a
    file built with other tables (one holding the lake tables, written before they left it) is rebuilt from
    Parquet, not updated. A lake table's DDL changes the Parquet parts only, not the file."""
    return _files_fingerprint(sorted(SCHEMA_DIR / f"{table}.sql" for table in DUCKDB_TABLES))


def seeds_fingerprint() -> str:
    return _files_fingerprint(reference_files())


def _files_fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _same_stamp(previous: Path, name: str, value: str) -> bool:
    stamp = previous.with_name(name)
    return stamp.is_file() and stamp.read_text() == value


def _reusable(previous: Path | None) -> bool:
    if previous is None or not previous.is_file():
        return False
    return _same_stamp(previous, FINGERPRINT, schema_fingerprint())


def build_duckdb(parquet_dir: Path, database: Path, changes: Changes | None = None) -> Start:
    """Create `database` (must not exist, unless `changes.taken` put it there) holding every DuckDB table
    (DUCKDB_TABLES), reference table and view; say what it started from."""
    incremental = changes is not None and (changes.taken or _reusable(changes.previous_database))
    if incremental and not changes.taken:
        shutil.copyfile(changes.previous_database, database)
    con = duckdb.connect(str(database), config=spill_config("build"))
    try:
        con.execute("BEGIN TRANSACTION")
        seeds = seeds_fingerprint()
        if incremental:
            _apply_changes(con, changes, parquet_dir)
        else:
            _load_everything(con, parquet_dir)
        same_seeds = incremental and (changes.taken or _same_stamp(changes.previous_database, SEEDS_FINGERPRINT, seeds))
        _rederive(con, reload_seeds=not same_seeds, incremental=incremental)
        con.execute("COMMIT")
        for table in DERIVED_TABLES:
            derived = con.table(table).fetch_arrow_table()
            write_part(to_arrow(table, derived), parquet_dir / table / "part-00000.parquet")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    database.with_name(FINGERPRINT).write_text(schema_fingerprint())
    database.with_name(SEEDS_FINGERPRINT).write_text(seeds)
    if not incremental:
        return Start.BUILT
    return Start.TAKEN if changes.taken else Start.COPIED


def _insert(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    """Rows from Parquet parts; a span table's texts filled in from articles.body (which must be loaded)."""
    if files:
        con.execute(read_sql(load_sql(table)).format(table=table), {"files": [str(p) for p in files]})


def load_sql(table: str) -> str:
    """The file under sql/ that loads `table`: its own `load/<table>_from_parquet.sql` if it has one (an
    order to load in), the span tables' shared one, else the plain one."""
    if (SQL_DIR / "load" / f"{table}_from_parquet.sql").is_file():
        return f"load/{table}_from_parquet.sql"
    return "load/spans_from_parquet.sql" if table in SPAN_TABLES else "load/table_from_parquet.sql"


def _load_everything(con: duckdb.DuckDBPyConnection, parquet_dir: Path) -> None:
    for table in DUCKDB_TABLES:
        con.execute(table_ddl(table))
    for table in LOADED_ARTICLE_TABLES + MANIFEST_TABLES:
        _insert(con, table, parts(parquet_dir / table))


def _apply_changes(con: duckdb.DuckDBPyConnection, changes: Changes, parquet_dir: Path) -> None:
    """The run's rows into a copy of the previous file: article rows by article, manifest rows by key."""
    delete = read_sql("load/delete_rows.sql")
    _touched_groups(con, changes)
    for table in LOADED_ARTICLE_TABLES:
        for column, ids in changes.deleted(table):
            con.execute(delete.format(table=table, column=column), {"ids": ids})
        _insert(con, table, changes.new_parts.get(table, []))
    replace = read_sql("load/replace_rows.sql")
    for table in MANIFEST_TABLES:
        column, keys = changes.manifest_rows.get(table, ("", []))
        if keys:
            con.execute(delete.format(table=table, column=column), {"ids": keys})
            files = part_paths(parquet_dir / table)
            con.execute(replace.format(table=table, column=column), {"files": files, "ids": keys})


def _touched_groups(con: duckdb.DuckDBPyConnection, changes: Changes) -> None:
    """Each model's {model}_keys: the groups of the rows the run is about to delete or insert."""
    for model in MODELS:
        names = {"model": model.name, "key": model.key, "source": model.source}
        con.execute(read_sql("load/model_keys.sql").format(**names))
        ids = [key for column, keys in changes.deleted(model.source) if column == "article_id" for key in keys]
        if ids:
            con.execute(read_sql("load/model_keys_of_articles.sql").format(**names), {"ids": ids})
        files = [str(p) for p in changes.new_parts.get(model.source, [])]
        if files:
            con.execute(read_sql("load/model_keys_of_parts.sql").format(**names), {"files": files})


def _derive_in_slices(con: duckdb.DuckDBPyConnection, model: Model, names: dict) -> None:
    """A model over its whole source, in slices of its groups of at most ~MODEL_SLICE_ROWS source rows."""
    rows = con.execute(f"SELECT count(*) FROM {model.source}").fetchone()[0]
    slices = -(-rows // MODEL_SLICE_ROWS)
    if slices <= 1:
        con.execute(read_sql(f"models/{model.name}.sql"))
        return
    for number in range(slices):
        _derive_through(con, model, read_sql("load/model_slice.sql").format(**names, slices=slices, slice=number))


def _derive_through(con: duckdb.DuckDBPyConnection, model: Model, view_sql: str) -> None:
    """A model over part of its groups: `view_sql` shadows the model's source with a temporary view of those
    groups' rows (load/model_scope.sql, load/model_slice.sql), dropped after."""
    con.execute(view_sql)
    con.execute(read_sql(f"models/{model.name}.sql"))
    con.execute(f"DROP VIEW temp.main.{model.source}")


def _rederive(con: duckdb.DuckDBPyConnection, reload_seeds: bool, incremental: bool) -> None:
    """Derived tables (whole, or only the groups the run touched) and views; reference CSVs when one changed
    (or the file is new), so edits to seeds/ take effect."""
    empty = read_sql("load/empty_table.sql")
    catalog = con.execute("SELECT current_database()").fetchone()[0]
    for model in MODELS:
        names = {**model.__dict__, "model": model.name, "catalog": catalog}
        if incremental:
            con.execute(read_sql("load/model_delete.sql").format(**names))
            _derive_through(con, model, read_sql("load/model_scope.sql").format(**names))
        else:
            con.execute(empty.format(table=model.name))
            _derive_in_slices(con, model, names)
    drop, create = read_sql("load/drop_reference.sql"), read_sql("load/reference_from_csv.sql")
    for csv_path in reference_files() if reload_seeds else ():
        if not csv_path.stem.isidentifier():
            raise WirehouseError(f"reference file {csv_path.name}: its name must be a valid table name")
        con.execute(drop.format(table=csv_path.stem))
        con.execute(create.format(table=csv_path.stem), {"path": str(csv_path)})
    for view in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))
