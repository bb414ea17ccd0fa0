"""What is not speech though it sits between quote marks: the title of a work, a scare quote, the quoted words
of a list; and what makes a short quote speech after all (a speech verb in its sentence, an attribution link
right before it).

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import _STOPS, _is_title
from wirehouse.quotes.model import QuoteSpan
from wirehouse.quotes.tokens import CLOSE, OPEN, QUOTE, REACH, ParaTokens, at_or_after, at_or_before

HEADING_REACH = 200  # characters read each side of a quote for the line it is on (headings are short)
PULL_NAME_WORDS = 10  # words at most on a pull quote's name line: 'Amy Pope, deputy homeland security advisor.'
PULL_HEAD = 40  # characters of a pull quote that an earlier quote of the article must hold
DATED_REACH = 60  # characters read after a quote's closing mark for a bracket with a year: '(St. Gallen ... 2003)'


@trait
class NotSpeech:
    def _has_cue(self, p: ParaTokens, q: int) -> bool:
        """Is there a speech verb in the quote's sentence (outside the quote), in the quote's own clause?

        Not one in an opening subordinate clause that a comma closes before the quote ('Even though people
        initially hailed these as bold moves ..., the "Arab Spring" was ...'), in a relative clause after
        the quote ('an unaligned "Wyoming first" push, which proposed their own slates'); the dev set annotates
        neither, and annotates the short quotes of its sentences whose speech verb is elsewhere
        ('Declaring that he alone has the leadership strength ..., the billionaire ... offered himself as
        a "law and order" candidate'), so any other clause of the sentence still counts."""
        ends = p.ends()
        cues = p.positions("cue", self._cue_words)
        n = len(p.toks)
        if q > 0:
            start = at_or_before(ends, q - 1)
            before = at_or_before(cues, q - 1)
            if before > start and not self._in_opening_clause(p, start + 1, before, q):
                return True
        if q + 1 >= n:
            return False
        after = at_or_after(cues, q + 1, n)
        if after >= at_or_after(ends, q + 1, n):
            return False
        lows = p.lows
        relatives = self.words.relative_pronouns
        return not any(lows[m] == "," and lows[m + 1] in relatives for m in range(q + 1, min(after - 1, q + REACH)))

    def _in_opening_clause(self, p: ParaTokens, first: int, cue: int, q: int) -> bool:
        """Is token `cue` inside a subordinate clause that opens the sentence at token `first` ('Although',
        'Even though', 'When') and that the sentence's first comma closes between it and the quote at token q?"""
        lows = p.lows
        openers = self.words.subordinators
        if q - first > REACH or not (lows[first] in openers or (first + 1 < cue and lows[first + 1] in openers)):
            return False
        return "," not in lows[first:cue] and "," in lows[cue + 1 : q]

    def _in_heading(self, text: str, span: QuoteSpan) -> bool:
        """Is the quote on a line of capitals, a heading inside the block of lines it belongs to: 'OBAMA FOCUSED
        "ON HIS GOLF GAME"', '"EVENTUALLY VOTERS MAKE GOOD DECISIONS"' (lines between quoted paragraphs; the dev set
        annotates neither)? Only a line of at most HEADING_REACH characters each side of the quote is read."""
        head = text[span.start : min(span.end, span.start + 12)]
        if not head[0].isupper() or head.upper() != head:
            return False  # the common case: lowercase in the quote's first characters
        if text[span.start : span.end].upper() != text[span.start : span.end]:
            return False
        lo = text.rfind("\n", max(0, span.start - HEADING_REACH), span.start)
        hi = text.find("\n", span.end, span.end + HEADING_REACH)
        if (lo < 0 and span.start > HEADING_REACH) or (hi < 0 and len(text) - span.end > HEADING_REACH):
            return False  # a long line: prose
        line = text[lo + 1 : len(text) if hi < 0 else hi]
        return line.upper() == line

    def _is_dated(self, text: str, span: QuoteSpan) -> bool:
        """Is the quote followed by a year in brackets, the title or slogan of a dated work (a poster, a film, a
        book), not speech: '“No special rights for foreigners!” (2015).', '“We Swiss are increasingly becoming
        ...” (St. Gallen general election poster 2003)' (a caption of campaign posters; the dev set annotates
        none of its 8 quotes so dated, all in one article)?"""
        i = span.close_pos + 1
        if i <= 0:
            return False
        n = len(text)
        while i < n and text[i] in " \xa0":
            i += 1
        if i >= n or text[i] != "(":
            return False
        close = text.find(")", i, i + DATED_REACH)
        if close < 0:
            return False
        for k in range(i + 1, close - 3):
            if (
                text[k : k + 2] in ("18", "19", "20")
                and text[k : k + 4].isdigit()
                and not text[k - 1].isdigit()
                and not text[k + 4].isdigit()
            ):
                return True
        return False

    def _is_pull_quote(self, text: str, span: QuoteSpan, p_start: int) -> bool:
        """Is the quote a pull quote: a paragraph that repeats an earlier quote of the article with its speaker's
        name on the last line inside the marks ('"Everybody believes in the Geneva Convention until ...\nDonald
        Trump."', '"What we have seen is ...\nAmy Pope, deputy homeland security advisor."'), a layout element
        (the dev set annotates neither) and no new quote?"""
        line = text.rfind("\n", span.start, span.end)
        if line < 0 or span.open_pos != p_start:
            return False
        name = text[line + 1 : span.end]
        if not name[:1].isupper() or name.count(" ") >= PULL_NAME_WORDS:
            return False
        head = text[span.start : min(line, span.start + PULL_HEAD)]
        return text.find(head, 0, span.open_pos) >= 0

    def _is_work_title(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """The title of a show, a book or a film, known from where it sits, whatever verb the sentence has.

        Capitalised next to a work noun: 'the podcast "Here's the Thing."', 'the PBS medical drama, "Mercy
        Street,"', 'POLITICO's "Off Message" podcast', or after its maker: 'the author of "America's Bitter
        Pill,"'; in title case after a possessive, 'on' or in a listener's place: 'said on ABC's "This Week" on
        Sunday', 'said on "Fox News Sunday."', 'told "Fox and Friends,"'.
        """
        toks = p.toks
        lows = p.lows
        if not text[span.start].isupper():
            return False
        works = self.words.work_nouns
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        if k >= 0 and (lows[k] in works or (toks[k] == "," and k > 0 and lows[k - 1] in works)):
            return True
        if k > 0 and lows[k] in self.words.work_links and lows[k - 1] in self.words.work_makers:
            return True  # 'the author of "America's Bitter Pill,"', 'who's starred in "Parks and Recreation"'
        j = q + 1
        n = len(toks)
        if j < n and toks[j] in ".!?,;:":
            j += 1
        if j < n and toks[j] == CLOSE:
            j += 1
        if j < n and lows[j] in works:
            return True
        if k < 0:
            return False
        low = lows[k]
        possessive = low.endswith(("’s", "'s", "s’", "s'"))
        if not (possessive or low in self.words.title_preps or low in self.lex.listener_verbs):
            return False
        return _is_title(text[span.start : span.end].rstrip(".,;:!?"), self.words.small_words)

    def _next_title(self, text: str, before: QuoteSpan, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """Is the capitalised quote at token q the next item of a list whose item before it (`before`) is the
        title of a work: 'Serafinowicz, who's starred in "Parks and Recreation" and "Guardians of the Galaxy,"
        posted the clip' (the dev set annotates neither)?"""
        if q < 4 or p.toks[q - 1] != OPEN or not text[span.start].isupper():
            return False
        k = q - 2
        if p.lows[k] in self.words.list_joiners:
            k -= 1
        if p.toks[k] != CLOSE or not self._joined(p, k):
            return False
        j = k - 1
        if p.toks[j] != QUOTE and j > 0:
            j -= 1  # the item's own comma: '"Bloodline," "Mercy Street"'
        return p.toks[j] == QUOTE and self._is_work_title(text, before, p, j)

    def _is_scare(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """A scare quote or a title: after 'so-called', or short with no speech verb in its sentence and no
        attribution link right before it.

        A short quote that ends with its own punctuation ("faulty," / "We’re hopeful.") is speech, unless it
        is a capitalised title in mid-sentence ("a book "Living History."").
        """
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        if k >= 0 and p.lows[k] in self.words.title_cues:
            return True
        words = text.count(" ", span.start, span.end) + 1
        if words > 4 or k < 0:
            return False
        if self._link_at(p, k) >= 0 or self._has_cue(p, q):
            return False
        if text[span.end - 1] in ".!?,":
            if self._in_list(p, q):
                return True  # '"ambassador," "attack," "Benghazi,"': the list's commas
            sentence_start = p.toks[k] in (":", CLOSE) or (p.toks[k] in _STOPS and p.ends_sentence(k))
            return not sentence_start and _is_title(text[span.start : span.end], self.words.small_words)
        return True

    def _in_list(self, p: ParaTokens, q: int) -> bool:
        """Is the quote at token q an item of a list of quoted words: joined to the quote before or after it by a
        comma inside the first one's marks, or by a comma, 'and' or 'or' between them ('words such as
        "ambassador," "attack," "Benghazi," "Libya" and "talking points."')? Quoted sentences one after the other
        are no list: '... Uncle Ossie. "Ditto." "Ossie was my hero," said ...'."""
        toks = p.toks
        n = len(toks)
        j = q + 1
        if j < n and toks[j] in ".!?,;:":
            j += 1
        if j < n and toks[j] == CLOSE and self._joined(p, j):
            return True
        k = q - 2  # before the opening mark
        if k > 0 and p.lows[k] in self.words.list_joiners:
            k -= 1
        return k > 0 and toks[k] == CLOSE and self._joined(p, k)

    def _joined(self, p: ParaTokens, close: int) -> bool:
        """Does the quote closing at token `close` join the next one as an item of a list?"""
        toks = p.toks
        j = close + 1
        if j < len(toks) and toks[j] == OPEN:
            return toks[close - 1] == ","  # '"ambassador," "attack,"'
        return j + 1 < len(toks) and p.lows[j] in self.words.list_joiners and toks[j + 1] == OPEN

    def _link_at(self, p: ParaTokens, k: int) -> int:
        """The attribution link that a short quote after token k sits inside, with no speech verb, or -1: 'an option
        seen by organizers as a "lifeboat"', 'casting Johnson as an "honorable choice"', 'fundraisers -- dubbed
        "Hillblazers" by the campaign' (the dev set annotates 47 of its 52 quotes after 'as' and 7 of 8 after a
        naming word), also through 'having' or 'being' or one adjective after 'a' ('waves off the delay as having
        "minimal" impact', 'as a mere "moan"'); a noun of speech or naming, through 'of' or 'for': 'his promise
        of "free college"', 'clarion call for a "revolution"', 'his signature slogan, "Make America Great Again."'
        (the dev set annotates 27 of its 28 quotes after such nouns and those that mention words). Not after a noun that
        mentions words ('the words "preemptive strike"', 'in other words, "..."'), nor 'such as' or 'as well as',
        which list: 'words such as "ambassador," "attack,"', nor 'As' opening a sentence, a conjunction: 'As the
        "Never Trump" movement continues to battle ...'."""
        lows = p.lows
        if lows[k] == "," and k > 0:
            k -= 1  # 'his signature slogan, "..."'
        adjective = k > 1 and lows[k - 1] in self.words.indefinite_articles and p.toks[k].islower()
        if adjective and lows[k] not in self.words.speech_nouns:
            k -= 1  # 'shrugging off a woman's opinion as a mere "moan"': one adjective after 'a'
        if lows[k] in self.words.articles and k > 0:
            k -= 1  # 'as a "lifeboat"'
        if lows[k] in self.words.link_gerunds and k > 0:
            k -= 1  # 'waves off the delay as having "minimal" impact'
        if lows[k] in self.words.link_prepositions and k > 0:
            k -= 1  # 'promise of', 'call for'
        word = lows[k]
        if not p.toks[k].islower() or (k > 0 and lows[k - 1] in self.words.not_link_before):
            return -1
        if word in self.words.attribution_links:
            return k
        return k if word in self.words.speech_nouns and word not in self.words.mention_nouns else -1
