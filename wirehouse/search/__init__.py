"""Full-text search: BM25 over postings written per run (no index rebuilt from scratch at each commit)."""
