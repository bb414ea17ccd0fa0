"""Task: stories for the run's staged articles, between the batches and the commit (wirehouse.link.stage)."""

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from wirehouse.link.stage import LinkResult, link_run
from wirehouse.store.layout import Warehouse


@task(name="link-stories", cache_policy=NO_CACHE)
def link_stories(warehouse_dir: Path, run_id: str) -> LinkResult:
    return link_run(Warehouse(warehouse_dir), run_id)
