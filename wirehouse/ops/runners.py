"""The news-etl flow with the task runner a command asked for: its own worker processes, or a Dask cluster."""

from prefect import Flow

from wirehouse.errors import WirehouseError


def flow_with_runner(runner: str = "default", dask_address: str | None = None) -> Flow:
    """news_etl as it is, or with prefect-dask's DaskTaskRunner (a LocalCluster of processes without an address)."""
    from wirehouse.flows.news_etl import news_etl

    if runner == "default":
        if dask_address:
            raise WirehouseError("--dask-address needs --runner dask")
        return news_etl
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return news_etl.with_options(task_runner=DaskTaskRunner(address=dask_address))
    # one single-threaded worker process per core: the stages are pure Python and hold the GIL
    cluster = {"processes": True, "threads_per_worker": 1}
    return news_etl.with_options(task_runner=DaskTaskRunner(cluster_kwargs=cluster))
