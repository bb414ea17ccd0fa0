"""Reading what a flow run left in the Prefect API (state, name, task runs, artifacts), for the ops tests."""

from uuid import UUID


def client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def flow_run(flow_run_id: str):
    with client() as api:
        return api.read_flow_run(UUID(flow_run_id))


def artifacts(flow_run_id: str) -> dict[str, object]:
    """The run's artifacts by key."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with client() as api:
        found = api.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(flow_run_id)]))
        )
    return {a.key: a for a in found}


def task_run_names(flow_run_id: str) -> list[str]:
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with client() as api:
        runs = api.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)])))
    return sorted(r.name for r in runs)
