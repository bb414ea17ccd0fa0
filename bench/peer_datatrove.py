"""The peer of `bench/speed.py`: HuggingFace datatrove writing the same article files to Parquet, no NLP at all.

Runs inside the bench-only virtual environment that `bench/speed.py` makes (datatrove is never a dependency of
wirehouse). One document per file, text decoded as UTF-8 with replacement, written with datatrove's own
ParquetWriter by `LocalPipelineExecutor(tasks=2, workers=2)`, the setting measured in ../shared/MEASURED.md.

    bench/.peer-venv/bin/python bench/peer_datatrove.py CORPUS OUTPUT [--tasks 2 --workers 2]
"""

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.writers import ParquetWriter


class TextFileReader(BaseDiskReader):
    """Every file below the folder is one document: the whole file is its text."""

    name = "one article per file"

    def read_file(self, filepath: str):
        with self.data_folder.open(filepath, "r", encoding="utf-8", errors="replace") as handle:
            document = self.get_document_from_dict({"text": handle.read(), "id": filepath}, filepath, 0)
        if document:
            yield document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    LocalPipelineExecutor(
        pipeline=[TextFileReader(args.corpus, glob_pattern="**/*.txt"), ParquetWriter(f"{args.output}/parquet")],
        tasks=args.tasks,
        workers=args.workers,
        logging_dir=f"{args.output}/logs",
    ).run()


if __name__ == "__main__":
    main()
