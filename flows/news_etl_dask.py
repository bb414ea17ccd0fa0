"""news-etl with its batch tasks on a Dask cluster: the entrypoint a `--runner dask` deployment runs.

A served deployment runs each flow run in a fresh process that loads its flow from an entrypoint, so the
task runner must be chosen where the flow object is made. The scheduler address comes from
WIREHOUSE_DASK_ADDRESS (`wirehouse serve --dask-address` sets it); without it, a LocalCluster of processes.
"""

import os

from wirehouse.ops.runners import flow_with_runner

DASK_ADDRESS_ENV = "WIREHOUSE_DASK_ADDRESS"

news_etl_dask = flow_with_runner("dask", os.environ.get(DASK_ADDRESS_ENV) or None)
