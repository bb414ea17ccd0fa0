"""Error isolation: a file that makes a stage raise is rejected as `error`; the rest of its batch loads.

The stages run over the whole batch as usual. Only when that raises are the culprits looked for, by halving
the batch (about 2·log2(n) stage calls per bad file, instead of one call per article); the stages then run
once more over the batch without them. Stages are per-article functions over frames, so the rows of the
other articles are exactly what a batch without the bad files gives.
"""

import traceback
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

Result = TypeVar("Result")


def describe(error: BaseException) -> str:
    """One line for `rejects.detail`: the exception and where it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        path = last.filename.split("/wirehouse/")[-1] if "/wirehouse/" in last.filename else last.filename
        where = f" (at {path}:{last.lineno} in {last.name})"
    message = str(error).splitlines()[0][:300] if str(error) else ""
    return f"{type(error).__name__}: {message}{where}"


def _culprits(stages: Callable[[pd.DataFrame], object], frame: pd.DataFrame, key: str, found: dict[str, str]) -> None:
    """Add to found every row of frame on which stages raise by itself or with its half, keyed by frame[key]."""
    try:
        stages(frame.reset_index(drop=True))
    except Exception as error:
        if len(frame) == 1:
            found[frame[key].iloc[0]] = describe(error)
            return
        middle = len(frame) // 2
        _culprits(stages, frame.iloc[:middle], key, found)
        _culprits(stages, frame.iloc[middle:], key, found)


def run_isolated(
    stages: Callable[[pd.DataFrame], Result], frame: pd.DataFrame, key: str = "file_id"
) -> tuple[Result, dict[str, str]]:
    """stages(frame), with the rows that make it raise left out: (result, {key value: error detail})."""
    try:
        return stages(frame), {}
    except Exception:
        pass
    failed: dict[str, str] = {}
    _culprits(stages, frame, key, failed)
    rest = frame[~frame[key].isin(failed)].reset_index(drop=True)
    return stages(rest), failed


def mark_errors(read: pd.DataFrame, failed: dict[str, str]) -> pd.DataFrame:
    """The ingest frame with the failed files rejected as `error`, the exception in the detail."""
    read = read.copy()
    hit = read["file_id"].isin(failed)
    read.loc[hit, "reject_reason"] = "error"
    read.loc[hit, "reject_detail"] = read.loc[hit, "file_id"].map(failed)
    read.loc[hit, "text"] = None
    return read
