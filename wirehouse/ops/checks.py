"""Data-quality checks over a built (not yet published) snapshot: one SQL file per check in sql/checks/.

A hard check guards the promises analysts rely on (offsets slice the body, ids are unique, no row without
its article): when one fails, the run stops before `Warehouse.publish`, so the warehouse stays on the
previous snapshot. A soft check watches the text itself (empty bodies, articles without sentences, direct
quotes nobody said, rejected files): it only warns.
"""

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import duckdb

from wirehouse.errors import WirehouseError
from wirehouse.schema import read_sql
from wirehouse.scratch import spill_config
from wirehouse.store.layout import DUCKDB_NAME


class Severity(Enum):
    HARD = "hard"  # fails the run before it publishes
    SOFT = "soft"  # a warning in the run's logs and artifacts


@dataclass(frozen=True)
class CheckSpec:
    name: str  # also sql/checks/<name>.sql, which returns one number
    severity: Severity
    threshold: float  # the check passes when its value is at most this
    description: str


CHECKS = (
    CheckSpec("sentence_offsets", Severity.HARD, 0, "sentences whose offsets do not slice their text from the body"),
    CheckSpec("paragraph_offsets", Severity.HARD, 0, "body paragraphs whose offsets do not slice the body"),
    CheckSpec("quote_offsets", Severity.HARD, 0, "quotes whose offsets do not slice their text from the body"),
    CheckSpec("duplicate_ids", Severity.HARD, 0, "rows sharing a key with another row of their table"),
    CheckSpec("orphan_rows", Severity.HARD, 0, "rows naming an article the warehouse does not hold"),
    CheckSpec("empty_bodies", Severity.SOFT, 0, "articles of this run with an empty body"),
    CheckSpec("articles_without_sentences", Severity.SOFT, 0.02, "share of this run's articles without sentences"),
    CheckSpec("direct_quotes_without_speaker", Severity.SOFT, 0.25, "share of direct quotes credited to nobody"),
    CheckSpec("reject_rate", Severity.SOFT, 0.05, "share of the files read that were rejected"),
)


@dataclass(frozen=True)
class CheckResult:
    spec: CheckSpec
    value: float

    @property
    def passed(self) -> bool:
        return self.value <= self.spec.threshold

    @property
    def blocks_publishing(self) -> bool:
        return not self.passed and self.spec.severity is Severity.HARD

    def as_row(self) -> dict:
        return {
            "check": self.spec.name,
            "severity": self.spec.severity.value,
            "value": round(self.value, 4),
            "threshold": self.spec.threshold,
            "result": "pass" if self.passed else ("FAIL" if self.spec.severity is Severity.HARD else "warn"),
            "what": self.spec.description,
        }


class QualityCheckError(WirehouseError):
    """A hard data-quality check failed: the run was not published."""


def run_checks(snapshot_dir: Path, run_id: str) -> list[CheckResult]:
    """Every check against the DuckDB file of a built snapshot, for the run that built it."""
    con = duckdb.connect(str(snapshot_dir / DUCKDB_NAME), read_only=True, config=spill_config("checks"))
    try:
        results = []
        for spec in CHECKS:
            sql = read_sql(f"checks/{spec.name}.sql")
            parameters = {"run_id": run_id} if "$run_id" in sql else {}
            value = con.execute(sql, parameters).fetchone()[0]
            results.append(CheckResult(spec, float(value or 0)))
        return results
    finally:
        con.close()


def failure_message(results: list[CheckResult]) -> str | None:
    """One line naming every failed hard check, or None when publishing may go ahead."""
    failed = [r for r in results if r.blocks_publishing]
    if not failed:
        return None
    named = ", ".join(f"{r.spec.name} = {r.value:g} (max {r.spec.threshold:g})" for r in failed)
    return f"data-quality check failed, the warehouse stays on its previous snapshot: {named}"
