"""Build a snapshot's DuckDB file, in one transaction, with every query from sql/.

The published DuckDB file is never written to: analysts may hold it open (DuckDB then refuses any writer),
so each run writes a new file inside its new snapshot. When the previous snapshot's file was built with the
same schema, the new one starts as a copy of it and only the run's changes are applied (delete the
re-processed articles, insert the run's parts; replace the manifest rows of the files the run saw and add
its run row; reload the reference CSVs only when one changed); otherwise it is built from all Parquet parts.
"""

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from wirehouse.errors import WirehouseError
from wirehouse.paths import SQL_DIR
from wirehouse.reference import reference_files
from wirehouse.schema import (
    ARTICLE_TABLES,
    DERIVED_TABLES,
    MANIFEST_TABLES,
    SCHEMA_DIR,
    TABLES,
    article_keys,
    read_sql,
    table_ddl,
)
from wirehouse.store.parquet import parts, to_arrow, write_part

# sql/models/<name>.sql, run in this order after the base tables are loaded
MODELS = ("speakers", "stories", "quote_clusters")
FINGERPRINT = "schema.sha256"  # beside each snapshot's DuckDB file: the DDL it was built with
SEEDS_FINGERPRINT = "seeds.sha256"  # beside it too: the reference CSVs its reference tables were loaded from


@dataclass(frozen=True)
class Changes:
    """What a run changed: enough to update a copy of the previous DuckDB file."""

    previous_database: Path | None
    replaced_article_ids: list[str] = field(default_factory=list)
    new_parts: dict[str, list[Path]] = field(default_factory=dict)  # article table -> parts this run added
    # manifest table -> (key column, keys of the rows this run changed): only they are replaced
    manifest_rows: dict[str, tuple[str, list[str]]] = field(default_factory=dict)


def schema_fingerprint() -> str:
    return _files_fingerprint(sorted(SCHEMA_DIR.glob("*.sql")))


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


def build_duckdb(parquet_dir: Path, database: Path, changes: Changes | None = None) -> None:
    """Create `database` (must not exist) holding every table, reference table and view."""
    incremental = changes is not None and _reusable(changes.previous_database)
    if incremental:
        shutil.copyfile(changes.previous_database, database)
    con = duckdb.connect(str(database))
    try:
        con.execute("BEGIN TRANSACTION")
        seeds = seeds_fingerprint()
        if incremental:
            _apply_changes(con, changes, parquet_dir)
        else:
            _load_everything(con, parquet_dir)
        _rederive(
            con, reload_seeds=not (incremental and _same_stamp(changes.previous_database, SEEDS_FINGERPRINT, seeds))
        )
        con.execute("COMMIT")
        for table in DERIVED_TABLES:
            derived = con.table(table).fetch_arrow_table()
            write_part(to_arrow(table, derived.to_pydict()), parquet_dir / table / "part-00000.parquet")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    database.with_name(FINGERPRINT).write_text(schema_fingerprint())
    database.with_name(SEEDS_FINGERPRINT).write_text(seeds)


def _insert(con: duckdb.DuckDBPyConnection, table: str, files: list[Path]) -> None:
    if files:
        con.execute(read_sql("load/table_from_parquet.sql").format(table=table), {"files": [str(p) for p in files]})


def _load_everything(con: duckdb.DuckDBPyConnection, parquet_dir: Path) -> None:
    for table in TABLES:
        con.execute(table_ddl(table))
    for table in ARTICLE_TABLES + MANIFEST_TABLES:
        _insert(con, table, parts(parquet_dir / table))


def _apply_changes(con: duckdb.DuckDBPyConnection, changes: Changes, parquet_dir: Path) -> None:
    """The run's rows into a copy of the previous file: article rows by article, manifest rows by key."""
    delete = read_sql("load/delete_rows.sql")
    for table in ARTICLE_TABLES:
        for column in article_keys(table) if changes.replaced_article_ids else ():
            con.execute(delete.format(table=table, column=column), {"ids": changes.replaced_article_ids})
        _insert(con, table, changes.new_parts.get(table, []))
    replace = read_sql("load/replace_rows.sql")
    for table in MANIFEST_TABLES:
        column, keys = changes.manifest_rows.get(table, ("", []))
        if keys:
            con.execute(delete.format(table=table, column=column), {"ids": keys})
            files = [str(p) for p in parts(parquet_dir / table)]
            con.execute(replace.format(table=table, column=column), {"files": files, "ids": keys})


def _rederive(con: duckdb.DuckDBPyConnection, reload_seeds: bool) -> None:
    """Derived tables and views, always; reference CSVs when one changed (or the file is new), so edits to
    seeds/ take effect."""
    empty = read_sql("load/empty_table.sql")
    for table in DERIVED_TABLES:
        con.execute(empty.format(table=table))
    for model in MODELS:
        con.execute(read_sql(f"models/{model}.sql"))
    drop, create = read_sql("load/drop_reference.sql"), read_sql("load/reference_from_csv.sql")
    for csv_path in reference_files() if reload_seeds else ():
        if not csv_path.stem.isidentifier():
            raise WirehouseError(f"reference file {csv_path.name}: its name must be a valid table name")
        con.execute(drop.format(table=csv_path.stem))
        con.execute(create.format(table=csv_path.stem), {"path": str(csv_path)})
    for view in sorted((SQL_DIR / "views").glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))
