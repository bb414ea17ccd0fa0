"""wirehouse: raw news-article text files in, a Parquet lake and a DuckDB warehouse of articles and quotes out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirehouse")  # pyproject.toml's version, as installed
except PackageNotFoundError:  # a source tree used without installing it
    __version__ = "0+unknown"
