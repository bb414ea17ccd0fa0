"""Reported speech in sentences without quote marks: 'X said (that) CLAUSE' / 'CLAUSE, X said'.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from bisect import bisect_right

from wirehouse.compiled import trait
from wirehouse.quotes.model import Found, QuoteSpan, Reported, Rule
from wirehouse.quotes.tokens import (
    MAX_REPORTED,
    SENTENCE_END,
    ParaTokens,
    sentence_starts,
)


@trait
class ReportedSpeech:
    # ----------------------------------------------------------------- reported speech
    def _reported(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        spans: list[QuoteSpan],
        sentences: dict[int, list[int]],
    ) -> list[Reported]:
        """Reported speech in sentences without quote marks: 'X said (that) CLAUSE' / 'CLAUSE, X said'.

        Candidates come from one regex scan for the commonest reporting verbs (one pass over the text is
        cheaper than a substring search per verb); only their sentences are tokenised. The text is the reported clause.
        """
        if self._report_hits is None:
            return []
        hits = [match.start() + 1 for match in self._report_hits.finditer(text)]
        if not hits:
            return []
        p_starts = [start for start, _ in paragraphs]
        quoted = [(s.open_pos if s.open_pos >= 0 else s.start, s.end) for s in spans]
        quote_starts = [q[0] for q in quoted]
        out: list[Reported] = []
        done_until = -1
        budget = MAX_REPORTED  # sentences read
        for hit in hits:
            if hit < done_until:
                continue  # one reported clause per sentence
            if not budget:
                break
            para_no = bisect_right(p_starts, hit) - 1
            if para_no < 0 or hit >= paragraphs[para_no][1]:
                continue
            q = bisect_right(quote_starts, hit) - 1
            if q >= 0 and quoted[q][1] > hit:
                continue  # inside a quote
            p_start, p_end = paragraphs[para_no]
            starts = sentences.get(para_no)
            if starts is None:
                starts = sentences[para_no] = sentence_starts(text, p_start, p_end)
            at = bisect_right(starts, hit)
            s_start = starts[at - 1]
            s_end = starts[at] if at < len(starts) else p_end
            while s_end > s_start and text[s_end - 1].isspace():
                s_end -= 1
            done_until = s_end
            if hit - s_start > 400 or s_end - hit > 400:
                continue  # a run-on 'sentence' (a list, a table): not worth reading
            q = bisect_right(quote_starts, s_end) - 1
            if q >= 0 and quoted[q][1] > s_start:
                continue  # the sentence has quote marks: its quotes were attributed already
            budget -= 1
            clause = self._reported_in(text, s_start, hit, s_end, para_no)
            if clause is not None:
                out.append(clause)
        return out

    def _reported_in(self, text: str, s_start: int, hit: int, s_end: int, para_no: int) -> Reported | None:
        """The clause the reporting verb at `hit` reports in the sentence text[s_start:s_end], if any."""
        p, v = ParaTokens.plain(text, s_start, hit, s_end)
        if v >= len(p.toks) or p.lows[v] not in self.verbs:
            return None
        found = self._for_verb(p, v)
        if found is None or found.para is not p:
            return None
        found.rule = f"{Rule.REPORTED}.{found.rule}"
        if found.first and p.lows[found.first - 1] == "what":
            return None  # 'what it said were specifications': no clause is reported
        if found.first > v:
            clause = self._clause_inverted(p, v, found)
        else:
            clause = self._clause_after(p, v) or self._clause_before(p, v, found)
        if clause is None:
            return None
        first, last = clause
        return Reported(p.start_of(first), p.end_of(last), para_no, found)

    def _clause_after(self, p: ParaTokens, v: int) -> tuple[int, int] | None:
        """'said (on Tuesday) (that) CLAUSE.' / 'told reporters (separately) that CLAUSE.': the clause's tokens."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        j = v + 1
        if lows[v] in self.lex.listener_verbs:
            # the listener, then 'that' or straight into the clause: 'told MPs (that) the plan was sound'
            k = j
            while k < n and k - j < 8 and lows[k] != "that" and toks[k][0].isalnum():
                k += 1
            if k >= n or lows[k] != "that":
                k = j
                while k < n and k - j < 8 and toks[k][0].isalnum():
                    if (
                        k > j
                        and lows[k] not in self.words.weekdays
                        and (lows[k] in self.words.clause_starts or (toks[k][0].isupper() and toks[k - 1][0].islower()))
                        and lows[k - 1] not in self.words.time_words
                    ):
                        break
                    k += 1
            if (
                k >= n
                or k == j
                or not (lows[k] == "that" or lows[k] in self.words.clause_starts or toks[k][0].isupper())
            ):
                return None
            j = k + 1 if lows[k] == "that" else k
        else:
            while j < n and (
                lows[j] in self.words.time_words or (toks[j][0].isupper() and lows[j] in self.words.weekdays)
            ):
                j += 1
            if j + 2 < n and lows[j] == "in" and lows[j + 1] in self.words.reported_possessives:
                k = j + 2
                while k < n and k - j < 6 and toks[k] != ",":
                    k += 1
                if k < n and toks[k] == "," and lows[j + 2 : k][-1:] != ["that"]:
                    j = k + 1  # 'said in a statement, ...'
            if j < n and lows[j] == "that":
                j += 1
        end = n - 1
        while end > j and not toks[end][0].isalnum():
            end -= 1
        # a trailing attribution of the report itself: '..., the RIA news agency reported.'
        for k in range(end, max(j, end - 8), -1):
            if toks[k] == "," and k > j:
                if any(lows[m] in self.verbs for m in range(k + 1, end + 1)):
                    end = k - 1
                break
        if end - j < 2 or not toks[j][0].isalnum() or lows[j] in self.verbs:
            return None
        return j, end

    def _clause_inverted(self, p: ParaTokens, v: int, found: Found) -> tuple[int, int] | None:
        """'CLAUSE, said X.' / 'CLAUSE, said X, the Y of Z.' / 'By contrast, says X, CLAUSE.': the reported
        clause around a verb whose subject follows it. Before the verb, unless that is only a short
        adverbial ('By contrast', 'At that point') and a clause follows the subject's comma."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        comma = v - 1
        if comma < 1 or toks[comma] != ",":
            return None
        end = n - 1
        while end > found.last and not toks[end][0].isalnum():
            end -= 1
        after = found.last + 2
        intro = comma <= 4 and (lows[0] in self.words.intro_words or lows[0].endswith("ly"))
        if intro and after < n and toks[found.last + 1] == "," and end - after >= 2:
            return after, end
        if comma - 1 < 2:
            return None
        return 0, comma - 1

    def _clause_before(self, p: ParaTokens, v: int, found: Found) -> tuple[int, int] | None:
        """'CLAUSE, the Kremlin said.': the verb ends the sentence and a comma sits before its subject."""
        toks = p.toks
        n = len(toks)
        j = v + 1
        while (
            j < n and toks[j][0].isalnum() and (p.lows[j] in self.words.time_words or p.lows[j] in self.words.weekdays)
        ):
            j += 1
        if j < n and toks[j] not in SENTENCE_END:
            return None
        comma = found.first - 1
        if found.para is not p or comma < 3 or toks[comma] != ",":
            return None
        return 0, comma - 1
