"""Search postings, computed vectorised (pyarrow + numpy) from a batch's articles and quotes.

The cost follows the run: only the run's documents are tokenised, each batch's postings are written as its
parts of `search_terms` and `search_docs` (article-keyed, so a replaced article leaves its postings).
Collection statistics (document count, average length) are read at query time from `search_docs`.

Tokens are those of search_tokens() in sql/views/search.sql: lower case, accents stripped (DuckDB's
strip_accents, asked only for the words that are not plain ASCII), runs of a-z and 0-9. No Python object
is made per token or per posting: a run's 1,000,000 postings are one numpy sort.
"""

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from wirehouse import settings
from wirehouse.schema import arrow_schema
from wirehouse.scratch import scratch_db

SEPARATORS = "[^a-z0-9]+"
WORDS_SEPARATORS = "[^a-z0-9\\x{80}-\\x{10FFFF}]+"  # ASCII separators only: non-ASCII letters stay in their word
# What postings() reads of a batch's frames (types given, so a batch whose titles are all null still converts)
ARTICLE_TEXT = pa.schema([("article_id", pa.string()), ("title", pa.string()), ("body", pa.string())])
QUOTE_TEXT = pa.schema(
    [("article_id", pa.string()), ("quote_id", pa.string()), ("quote_no", pa.int32()), ("text", pa.string())]
)


def search_postings(articles: pd.DataFrame, quotes: pd.DataFrame) -> tuple[pa.Table, pa.Table]:
    """search_terms and search_docs rows of a batch's articles (article_id, title, body) and their quotes
    (article_id, quote_id, quote_no, text): built in the batch's worker, beside the other tables, so the
    cost runs on every core and the commit only loads the parts (in the link step, 5,000 articles' postings
    were 1.4 s of one core's time between the batches and the commit)."""
    if articles.empty:
        return arrow_schema("search_terms").empty_table(), arrow_schema("search_docs").empty_table()
    return postings(
        pa.Table.from_pandas(articles[list(ARTICLE_TEXT.names)], ARTICLE_TEXT, preserve_index=False),
        pa.Table.from_pandas(quotes[list(QUOTE_TEXT.names)], QUOTE_TEXT, preserve_index=False),
    )


def _documents(articles: pa.Table, quotes: pa.Table) -> pa.Table:
    """One row per document (article_id, doc_no, doc_id, doc_kind, text), in (article_id, doc_no) order."""
    text = pc.binary_join_element_wise(pc.fill_null(articles["title"], ""), articles["body"], " ")
    n_articles, n_quotes = articles.num_rows, quotes.num_rows
    docs = pa.table(
        {
            "article_id": pa.concat_arrays(
                [articles["article_id"].combine_chunks(), quotes["article_id"].combine_chunks()]
            ),
            "doc_no": pa.concat_arrays(
                [
                    pa.array(np.zeros(n_articles, np.int32)),
                    pc.add(quotes["quote_no"].combine_chunks(), 1).cast(pa.int32()),
                ]
            ),
            "doc_id": pa.concat_arrays([articles["article_id"].combine_chunks(), quotes["quote_id"].combine_chunks()]),
            "doc_kind": pa.array(["article"] * n_articles + ["quote"] * n_quotes, pa.string()),
            "text": pa.concat_arrays([text.combine_chunks(), quotes["text"].combine_chunks()]),
        }
    )
    return docs.sort_by([("article_id", "ascending"), ("doc_no", "ascending")])


def _fold_words(words: pa.Array) -> pa.Array:
    """lower(strip_accents(word)) by DuckDB, for the distinct words only (each word once)."""
    encoded = words.dictionary_encode()
    con = scratch_db()
    try:
        con.register("words", pa.table({"word": encoded.dictionary}))
        folded = con.execute("SELECT lower(strip_accents(word)) FROM words").fetch_arrow_table().column(0)
    finally:
        con.close()
    return folded.combine_chunks().take(encoded.indices)


def _words(text: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """_chunk_words() over runs of texts of about TEXT_CHUNK_BYTES (settings), joined: the same words, with
    the memory of one run's arrays (~18 bytes per byte of text: a 5,000-article batch's 8 MB of texts taken
    at once peaked 144 MB above the start)."""
    text = pc.fill_null(text, "") if text.null_count else text
    text = text.cast(pa.string()) if text.type != pa.string() else text
    ends = np.cumsum(pc.binary_length(text).to_numpy(), dtype=np.int64)  # each text's end in the whole
    bounds = [0]
    while bounds[-1] < len(text):  # a run ends at the last text ending within TEXT_CHUNK_BYTES (one at least)
        start = int(ends[bounds[-1] - 1]) if bounds[-1] else 0
        bounds.append(max(bounds[-1] + 1, int(np.searchsorted(ends, start + settings.TEXT_CHUNK_BYTES, "right"))))
    if len(bounds) <= 2:
        return _chunk_words(text)
    runs = [_chunk_words(text.slice(a, b - a)) for a, b in itertools.pairwise(bounds)]
    return (
        pa.concat_arrays([words for words, _, _ in runs]),
        np.concatenate([of_text + a for (_, of_text, _), a in zip(runs, bounds, strict=False)]),
        np.concatenate([plain for _, _, plain in runs]),
    )


def _chunk_words(text: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """The texts ASCII lower-cased and split at ASCII separators (anything but a-z, 0-9 and non-ASCII), as
    pyarrow's `split_pattern_regex(ascii_lower(text), WORDS_SEPARATORS)` without empty words: (words, index of
    each word's text, whether each word is plain ASCII). One numpy pass over the UTF-8 bytes: the regex split
    was half of a batch's postings (0.23 of 0.44 s CPU per 5,000 articles, 7 Dec 22:25); tests pin the two."""
    text = pc.fill_null(text, "") if text.null_count else text
    text = text.cast(pa.string()) if text.type != pa.string() else text
    offsets = np.frombuffer(text.buffers()[1], np.int32)[text.offset : text.offset + len(text) + 1]
    raw = np.frombuffer(text.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    offsets = offsets - offsets[0]
    raw = np.where((raw >= 0x41) & (raw <= 0x5A), raw + np.uint8(0x20), raw)
    high = raw >= 0x80
    word = ((raw >= 0x61) & (raw <= 0x7A)) | ((raw >= 0x30) & (raw <= 0x39)) | high
    inside = word & np.concatenate([[False], word[:-1]])  # a word's byte after its first
    inside[offsets[:-1][offsets[:-1] < len(raw)]] = False  # a text's first byte starts a word
    starts = np.flatnonzero(word & ~inside)
    ends = np.flatnonzero(word & ~np.concatenate([inside[1:], [False]])) + 1
    word_offsets = np.concatenate([[0], np.cumsum(ends - starts)]).astype(np.int32)
    words = pa.StringArray.from_buffers(len(starts), pa.py_buffer(word_offsets), pa.py_buffer(np.compress(word, raw)))
    text_of_word = np.repeat(np.arange(len(offsets) - 1), np.diff(np.searchsorted(starts, offsets)))
    plain = np.ones(len(starts), dtype=bool)  # no byte of the word is >= 0x80
    plain[np.searchsorted(starts, np.flatnonzero(high), side="right") - 1] = False
    return words, text_of_word, plain


def _tokens(text: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """search_tokens() of each text, flattened: (tokens, index of each token's text).

    ASCII is lower-cased by pyarrow; the texts are split at ASCII separators only, so a word holding a
    non-ASCII letter ("Café", "Straße") stays whole, and only those words (a few thousand distinct ones per
    5,000 articles) are folded by DuckDB's strip_accents and split again. Both functions map one character
    at a time, so folding a word gives what folding its whole text gave: asking it for every non-ASCII text
    (about 13 %) was 1.5 s of a 5,000-article run's 5.8 s of postings (wall, loaded)."""
    words, text_of_word, plain = _words(text)
    others = np.flatnonzero(~plain)
    if not len(others):
        return words, text_of_word
    resplit = pc.split_pattern_regex(_fold_words(words.take(others)), SEPARATORS)
    folded = pc.list_flatten(resplit)
    keep = pc.not_equal(folded, "")  # the split leaves "" where a word starts or ends with a separator
    return (
        pa.concat_arrays([pc.filter(words, plain), pc.filter(folded, keep)]),
        np.concatenate(
            [
                text_of_word[plain],
                text_of_word[others][pc.list_parent_indices(resplit).to_numpy()[keep.to_numpy(zero_copy_only=False)]],
            ]
        ),
    )


def postings(articles: pa.Table, quotes: pa.Table) -> tuple[pa.Table, pa.Table]:
    """search_terms and search_docs rows (Arrow, in the tables' schemas) for articles (article_id, title,
    body) and quotes (article_id, quote_id, quote_no, text). search_terms comes sorted by term, then document."""
    docs = _documents(articles, quotes)
    tokens, doc_of_token = _tokens(docs["text"].combine_chunks())
    encoded = tokens.dictionary_encode()
    vocabulary = encoded.dictionary
    by_rank = pc.sort_indices(vocabulary).to_numpy()  # the distinct terms in sorted order
    rank = np.empty(len(vocabulary), np.int64)  # each distinct term's place in that order
    rank[by_rank] = np.arange(len(vocabulary))
    n_docs = docs.num_rows
    doc_len = np.bincount(doc_of_token, minlength=n_docs).astype(np.int32)
    keys, tf = np.unique(rank[encoded.indices.to_numpy()] * n_docs + doc_of_token, return_counts=True)
    doc = keys % n_docs
    terms = pa.table(
        {
            "term": vocabulary.take(by_rank[keys // n_docs]),
            "article_id": docs["article_id"].take(doc),
            "doc_no": docs["doc_no"].take(doc),
            "tf": pa.array(tf.astype(np.int32)),
            "doc_len": pa.array(doc_len[doc]),
        }
    )
    documents = docs.drop(["text"]).append_column("doc_len", pa.array(doc_len))
    return tuple(
        table.select(arrow_schema(name).names).cast(arrow_schema(name))
        for table, name in ((terms, "search_terms"), (documents, "search_docs"))
    )
