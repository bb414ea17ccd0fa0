"""Build a snapshot's DuckDB file from its Parquet parts, in one transaction, with every query from sql/.

The DuckDB file is derived, never edited in place: analysts may hold the published one open (DuckDB then
refuses any writer), so each run builds a fresh file inside its new snapshot.
"""

from pathlib import Path

import duckdb

from wirehouse.errors import WirehouseError
from wirehouse.paths import SQL_DIR
from wirehouse.reference import reference_files
from wirehouse.schema import ARTICLE_TABLES, DERIVED_TABLES, MANIFEST_TABLES, TABLES, read_sql, table_ddl
from wirehouse.store.parquet import parts, to_arrow, write_part

MODELS = ("speakers",)  # sql/models/<name>.sql, run in this order after the base tables are loaded


def _view_files() -> list[Path]:
    return sorted((SQL_DIR / "views").glob("*.sql"))


def build_duckdb(parquet_dir: Path, database: Path) -> None:
    """Create `database` (must not exist) holding every table, reference table and view."""
    con = duckdb.connect(str(database))
    try:
        con.execute("BEGIN TRANSACTION")
        for table in TABLES:
            con.execute(table_ddl(table))
        load = read_sql("load/table_from_parquet.sql")
        for table in ARTICLE_TABLES + MANIFEST_TABLES:
            files = [str(p) for p in parts(parquet_dir / table)]
            if files:
                con.execute(load.format(table=table), {"files": files})
        for model in MODELS:
            con.execute(read_sql(f"models/{model}.sql"))
        reference = read_sql("load/reference_from_csv.sql")
        for csv_path in reference_files():
            if not csv_path.stem.isidentifier():
                raise WirehouseError(f"reference file {csv_path.name}: its name must be a valid table name")
            con.execute(reference.format(table=csv_path.stem), {"path": str(csv_path)})
        for view in _view_files():
            con.execute(view.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        for table in DERIVED_TABLES:
            derived = con.table(table).fetch_arrow_table()
            write_part(to_arrow(table, derived.to_pydict()), parquet_dir / table / "part-00000.parquet")
        con.execute("CHECKPOINT")
    finally:
        con.close()
