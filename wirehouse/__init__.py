"""wirehouse: raw news-article text files in, a Parquet lake and a DuckDB warehouse of articles and quotes out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirehouse")  # pyproject.toml's version, as installed
except PackageNotFoundError:  # a source tree used without installing it
    __version__ = "0+unknown"

from wirehouse import compiled as _compiled

# Before any stage is imported: the compiled stages, or their sources when the build does not match them.
COMPILED = _compiled.select()
