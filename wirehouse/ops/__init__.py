"""What an operator sees of a run: data-quality checks, Prefect artifacts, run names, the shared CLI options."""
