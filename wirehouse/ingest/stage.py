"""Stage 1, ingest: a frame of found files in, a frame of decoded texts and rejections out.

One row per file, in the order given. A file whose bytes hash to what the manifest already holds is marked
`unchanged` (it was only touched), so that nothing downstream redoes its work.
"""

import pandas as pd

from wirehouse.ingest.decode import Decoded, Rejected, decode_bytes, read_file, sha256_hex
from wirehouse.settings import DEFAULT_MAX_BYTES

READ_COLUMNS = (
    "file_id",
    "source_path",
    "article_id",
    "size_bytes",
    "mtime_ns",
    "content_sha256",
    "encoding",
    "text",
    "unchanged",
    "reject_reason",
    "reject_detail",
)


def read_files(found: pd.DataFrame, max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """Read, hash and decode every file of `found`.

    `found` has columns file_id, source_path, article_id, size_bytes, mtime_ns and known_sha256 (the
    manifest's hash, or None for a new file); optionally reject_reason and reject_detail, for a reject decided
    while listing (the file is not opened then).
    """
    out: dict[str, list] = {name: [] for name in READ_COLUMNS}
    none = [None] * len(found)
    listed = found.get("reject_reason", pd.Series(none)).tolist()
    listed_detail = found.get("reject_detail", pd.Series(none)).tolist()
    for file_id, path, article_id, size, mtime, known_sha, listed_reason, listed_why in zip(
        found["file_id"].tolist(),
        found["source_path"].tolist(),
        found["article_id"].tolist(),
        found["size_bytes"].tolist(),
        found["mtime_ns"].tolist(),
        found["known_sha256"].tolist(),
        listed,
        listed_detail,
        strict=True,
    ):
        if isinstance(listed_reason, str):
            data, rejected = None, Rejected(listed_reason, listed_why)
        else:
            data, rejected = read_file(path, size, max_bytes)
        sha = sha256_hex(data) if data is not None else None
        text = encoding = None
        if data is not None:
            size = len(data)
            if sha == known_sha:
                rejected = None
            else:
                result = decode_bytes(data)
                if isinstance(result, Decoded):
                    text, encoding = result.text, result.encoding
                else:
                    rejected = result
        out["file_id"].append(file_id)
        out["source_path"].append(path)
        out["article_id"].append(article_id)
        out["size_bytes"].append(size)
        out["mtime_ns"].append(mtime)
        out["content_sha256"].append(sha)
        out["encoding"].append(encoding)
        out["text"].append(text)
        out["unchanged"].append(sha is not None and sha == known_sha)
        out["reject_reason"].append(rejected.reason if rejected else None)
        out["reject_detail"].append(rejected.detail if rejected else None)
    return pd.DataFrame(out, columns=list(READ_COLUMNS))
