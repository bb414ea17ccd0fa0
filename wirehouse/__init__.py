"""wirehouse: raw news-article text files in, a Parquet lake and a DuckDB warehouse of articles and quotes out."""
