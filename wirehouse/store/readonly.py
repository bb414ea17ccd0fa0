"""The one way commands open a published warehouse for reading: read-only in fact, not just in name.

DuckDB's `read_only=True` only protects the main database file. Through such a connection
`ATTACH '<snapshot>/wirehouse.duckdb' AS cur (READ_WRITE); DELETE FROM cur.quotes` would empty the published
quotes, and `COPY quotes TO '<warehouse>/parquet/quotes/<part>.parquet'` would overwrite a published part.
So a connection opened here is also locked down by DuckDB's own settings before any user SQL runs:

- `enable_external_access = false`: no file outside the allow-list can be read or written, nothing can be
  ATTACHed, no extension can be INSTALLed or LOADed (extensions a command needs are loaded before this);
- `allowed_directories` = the warehouse's `parquet/` folder (as `<warehouse>/parquet/` and as the snapshot's
  real path): `read_parquet('<warehouse>/parquet/articles/*.parquet')` keeps working, with absolute paths;
- `autoload_known_extensions`/`autoinstall_known_extensions`/`allow_community_extensions` = false;
- `lock_configuration = true`: no `SET` can undo any of this.

What DuckDB still allows inside an allowed folder is writing there (`COPY ... TO`, `EXPORT DATABASE`, and
both wrapped in `PREPARE`/`EXECUTE`), so `check_statements` refuses every statement whose type is not in
`ALLOWED`; the statements it lets through cannot write (DuckDB refuses them on a read-only database), which
the tests show statement by statement.
"""

import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from wirehouse.errors import WirehouseError
from wirehouse.store.layout import Warehouse

# Statement types that cannot change a file through a read-only, locked-down connection.
# Not here, so refused before they run: COPY, EXPORT, COPY_DATABASE (they write files inside allowed folders),
# ATTACH/DETACH (DuckDB already refuses every file but the open one, which it refuses as a duplicate with a
# message that does not say why), PREPARE and EXECUTE (they wrap any other statement), VACUUM, and whatever a
# future DuckDB adds.
ALLOWED = frozenset(
    getattr(duckdb.StatementType, name)
    for name in (
        "SELECT", "EXPLAIN", "CALL", "PRAGMA", "SET", "VARIABLE_SET", "TRANSACTION", "LOAD", "EXTENSION",
        "CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "ALTER", "MERGE_INTO", "ANALYZE",
    )
)  # fmt: skip
BUNDLED_EXTENSIONS = Path(duckdb.__file__).resolve().parent.parent / "duckdb_ext" / "extensions"


class ReadOnlyError(WirehouseError):
    """A statement that would write, refused before it ran."""


class NoWarehouseError(WirehouseError):
    """The folder holds no published warehouse."""


def bundled_extension(name: str) -> Path:
    """Path of an extension shipped as a wheel (`duckdb-ext-fts` ships `fts`); load it by this path."""
    found = sorted(BUNDLED_EXTENSIONS.glob(f"v{duckdb.__version__}/*/{name}.duckdb_extension"))
    if not found:
        raise WirehouseError(f"the DuckDB extension {name!r} is not installed (pip install duckdb-ext-{name})")
    return found[0]


def published_database(root: Path) -> Path:
    """The current snapshot's DuckDB file, or a clear error if `root` holds no published warehouse."""
    warehouse = Warehouse(Path(root).absolute())
    snapshot = warehouse.current_snapshot()
    database = snapshot / warehouse.duckdb_path.name if snapshot else warehouse.duckdb_path
    if not database.is_file():
        raise NoWarehouseError(f"no warehouse at {root} yet: run `wirehouse run` first")
    return database


@contextmanager
def open_readonly(root: Path, extensions: Sequence[Path] = ()) -> Iterator[duckdb.DuckDBPyConnection]:
    """A locked-down read-only connection to the snapshot published at `root` when this is called.

    The connection stays on that snapshot for its whole life, even if a run publishes a newer one meanwhile.
    `extensions` (paths, see `bundled_extension`) are loaded before the lock-down; none can be loaded after.
    """
    database = published_database(root)
    scratch = tempfile.mkdtemp(prefix="wirehouse-sql-")  # where DuckDB may spill, never inside the warehouse
    config = {
        "temp_directory": scratch,
        "autoload_known_extensions": "false",
        "autoinstall_known_extensions": "false",
        "allow_community_extensions": "false",
    }
    con = duckdb.connect(str(database), read_only=True, config=config)
    try:
        for extension in extensions:
            con.execute(f"LOAD '{_quoted(extension)}'")
        parquet = Warehouse(Path(root).absolute()).parquet_dir
        allowed = sorted({f"{parquet}/", f"{database.parent / 'parquet'}/"})
        con.execute("SET allowed_directories = ?", [allowed])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        yield con
    finally:
        con.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def check_statements(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The statements of `sql`, each checked before any runs; ReadOnlyError names the first that would write.

    DuckDB expands PRAGMAs that stand for other statements (`PRAGMA copy_database`, `import_database`) while
    extracting, so those are checked as the statements they run.
    """
    statements = con.extract_statements(sql)
    for statement in statements:
        if statement.type not in ALLOWED:
            kind = statement.type.name.replace("_", " ")
            raise ReadOnlyError(f"the warehouse is read-only: {kind} statements are refused ({_head(statement.query)})")
    return [statement.query for statement in statements]


def run_readonly(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyConnection:
    """Run every statement of `sql` after checking them all; returns the connection holding the last result."""
    result = con
    for statement in check_statements(con, sql):
        result = con.execute(statement)
    return result


def _head(query: str, width: int = 60) -> str:
    flat = " ".join(query.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def fetch_or_exit_code(root: Path, sql: str, values: dict) -> tuple[list[str], list[tuple]] | int:
    """Columns and rows of one query with bound values on the published warehouse, opened read-only; or, after
    printing one line, the exit code a command returns (2: no warehouse yet, 1: the SQL failed)."""
    try:
        with open_readonly(root) as con:
            result = con.execute(sql, values)
            return [column[0] for column in result.description or ()], result.fetchall()
    except NoWarehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    except duckdb.Error as error:
        print(f"wirehouse: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 1
