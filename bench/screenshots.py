"""Pictures of the Prefect UI as an operator sees a wirehouse run (`make screenshots`).

Starts a Prefect server on a free loopback port, runs news-etl over the seeds and then the BBC corpus
(../shared/corpora/bbc) into a temporary warehouse, and takes headless Chromium screenshots of the BBC run's
flow run page, its summary and quality artifacts and the summary's history into docs/. Needs `chromium`
(Debian: apt-get install -y chromium).

    .venv/bin/python bench/screenshots.py [--out docs] [--corpus ../shared/corpora/bbc]
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, prefect_server
from throughput import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def run(paths: list[str], warehouse: Path, env: dict) -> dict:
    command = [str(BIN / "wirehouse"), "run", *paths, "--warehouse", str(warehouse), "--json", "--batch-size", "500"]
    command += ["--follow-outside-links"]  # the BBC topic folders are symlinks into ../shared
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"wirehouse run failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def screenshot(url: str, target: Path, height: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        command += ["--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
        command += [f"--user-data-dir={profile}", "--virtual-time-budget=20000", f"--window-size=1400,{height}"]
        command += [f"--screenshot={target}", url]
        subprocess.run(command, capture_output=True, check=True, timeout=180)
    print(f"{target} <- {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    with prefect_server() as env, tempfile.TemporaryDirectory(prefix="wirehouse-shots-") as work:
        inbox = Path(work) / "inbox"
        inbox.mkdir()
        for path in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(path, inbox / path.name)
        (inbox / "empty-file.txt").write_bytes(b"")  # one reject, so the rejects table has a row
        warehouse = Path(work) / "warehouse"
        run([str(inbox)], warehouse, env)
        (inbox / "bbc").mkdir()
        for topic in sorted(p for p in args.corpus.resolve().iterdir() if p.is_dir()):
            (inbox / "bbc" / topic.name).symlink_to(topic)
        run([str(inbox)], warehouse, env)

        from prefect.client.orchestration import get_client
        from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
        from prefect.client.schemas.sorting import ArtifactSort, FlowRunSort

        with get_client(sync_client=True) as client:
            flow_run = client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC, limit=1)[0]
            latest = {}
            for key in ("news-etl-summary", "news-etl-quality", "news-etl-rejects"):
                found = client.read_artifacts(
                    artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                    sort=ArtifactSort.CREATED_DESC,
                    limit=1,
                )
                latest[key] = found[0].id
        ui = env["PREFECT_API_URL"].removesuffix("/api")
        screenshot(f"{ui}/runs/flow-run/{flow_run.id}", args.out / "ui-flow-run.png")
        screenshot(f"{ui}/artifacts/artifact/{latest['news-etl-summary']}", args.out / "ui-summary.png", 1100)
        screenshot(f"{ui}/artifacts/artifact/{latest['news-etl-quality']}", args.out / "ui-quality.png")
        screenshot(f"{ui}/artifacts/key/news-etl-summary", args.out / "ui-summary-history.png")


if __name__ == "__main__":
    main()
