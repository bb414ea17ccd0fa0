"""What derived an article: the pipeline fingerprint, recorded per article and per run.

A fingerprint is the code version (the package version and a hash of the source of every stage that turns
raw text into rows) plus a content hash of each reference CSV in seeds/. No setting changes the rows
derived from a text today; `--max-bytes` only decides whether a file is read at all, and the rejects it
caused are looked at again when it changes (wirehouse.reprocess). When the fingerprint an article was
derived with differs from the current one, the next run re-derives it from `raw_articles`.
"""

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import wirehouse
from wirehouse.paths import PACKAGE_DIR, SEEDS_DIR
from wirehouse.reference import reference_files

# The code that turns a decoded text into rows: a change here can change any derived row. search/index.py
# writes the search postings: a warehouse whose postings were written in another layout is re-derived.
DERIVING_CODE = ("batch.py", "clean", "segment", "quotes", "reference.py", "search/index.py")


@dataclass(frozen=True)
class Pipeline:
    version: str
    code_sha256: str
    seeds: dict[str, str] = field(default_factory=dict)  # CSV file name -> sha256 of its bytes

    @property
    def digest(self) -> str:
        """16 hex digits over everything above: what articles.pipeline_fingerprint holds."""
        return hashlib.sha256(self.as_json().encode()).hexdigest()[:16]

    def as_json(self) -> str:
        return json.dumps({"version": self.version, "code": self.code_sha256, "seeds": self.seeds}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Pipeline":
        data = json.loads(text)
        return cls(data["version"], data["code"], dict(data["seeds"]))

    def changes_since(self, before: "Pipeline | None") -> list[str]:
        """What differs from an earlier pipeline, as short phrases for the run summary."""
        if before is None:
            return ["derived before pipeline fingerprints were recorded"]
        reasons = []
        if before.version != self.version:
            reasons.append(f"version {before.version} -> {self.version}")
        elif before.code_sha256 != self.code_sha256:
            reasons.append("code changed")
        for name in sorted(set(before.seeds) | set(self.seeds)):
            if name not in self.seeds:
                reasons.append(f"{name} removed")
            elif name not in before.seeds:
                reasons.append(f"{name} added")
            elif before.seeds[name] != self.seeds[name]:
                reasons.append(f"{name} changed")
        return reasons


def _sha256_files(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def current_pipeline(seeds_dir: Path = SEEDS_DIR) -> Pipeline:
    """The pipeline this process runs (cached: seeds are read once per process, like the rules themselves)."""
    sources: list[Path] = []
    for name in DERIVING_CODE:
        path = PACKAGE_DIR / name
        sources.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    seeds = {path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:16] for path in reference_files(seeds_dir)}
    return Pipeline(wirehouse.__version__, _sha256_files(sources, PACKAGE_DIR)[:16], seeds)
