"""wirehouse: raw news-article text files in, a Parquet lake and a DuckDB warehouse of articles and quotes out."""

# The one place of the version: pyproject.toml reads it from here at build time. Asking importlib.metadata
# instead cost every command 25-45 ms of imports, a third of a no-op run's time beside `find`'s.
__version__ = "0.1.0"

from wirehouse import compiled as _compiled

# Before any stage is imported: the compiled stages, or their sources when the build does not match them.
COMPILED = _compiled.select()
