"""Quote extraction and speaker attribution: pure functions over one article's text (no pandas, no Prefect)."""

from wirehouse.quotes.attribution import RuleAttributor
from wirehouse.quotes.extract import extract_quotes
from wirehouse.quotes.marks import paragraph_spans
from wirehouse.quotes.model import Quote, QuoteSpan

__all__ = ["Attributor", "Quote", "QuoteSpan", "RuleAttributor", "extract_quotes", "paragraph_spans"]
