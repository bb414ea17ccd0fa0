"""The cross-article layer: stories (syndicated copies and rewrites of one wire story) and quote clusters."""
