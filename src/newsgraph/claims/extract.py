"""Find attributed statements in a parsed article: quotes, reported speech, "according to" and
statement nouns ("the Taliban's report that ..."), with their speaker, cue and content.

Rules read the dependency parse but fall back on surface order where the small English model's parse
is unreliable (inverted "..., reported Bruce Riedel", "in what some experts warn was ...").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.claims.lexicon import cues
from newsgraph.claims.quotes import Quote, find_quotes, quote_at, strip_span
from newsgraph.claims.speakers import is_nominal, link_speaker, phrase_bounds
from newsgraph.model import Claim
from newsgraph.nlp.analysis import Analysis
from newsgraph.nlp.lookup import entity_at

LOGGER = logging.getLogger(__name__)

MAX_GAP = 90  # characters between a quote and its attribution ("," a senior al-Qaida official told)
MIN_CONTENT_WORDS = 3
MAX_PRONOUN_REACH = 1200  # characters: "he added" refers to a speaker at most a few paragraphs back
_SENTENCE_END = re.compile(r"[.!?]")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_INVERTED_SUBJECTS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dative", "oprd"})
_STOP = frozenset({"that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there"})


@dataclass
class Draft:
    """A claim before indexes and contradictions are settled."""

    speaker_head: Token
    speaker: tuple[int, int]
    speaker_text: str
    speaker_id: str | None
    cue: tuple[int, int]
    cue_lemma: str
    spans: list[tuple[int, int]]
    quote: bool
    quotes: list[Quote] = field(default_factory=list)
    contradicts: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def extract_claims(doc: Doc, found: Analysis) -> list[Claim]:
    text = doc.text
    quotes = find_quotes(text)
    drafts: list[Draft] = []
    for sent in doc.sents:
        for token in sent:
            if quote_at(quotes, token.idx) is not None:
                continue
            draft = None
            lemma = token.lemma_.lower()
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                draft = _according_to(token, sent, found)
            elif lemma in cues().verbs and token.pos_ == "VERB":
                draft = _verb_claim(token, sent, quotes, found, drafts)
            elif lemma in cues().nouns and token.pos_ == "NOUN":
                draft = _noun_claim(token, found)
            if draft is not None and not _duplicate(draft, drafts):
                drafts.append(draft)
    _continue_quotes(text, quotes, drafts)
    drafts.sort(key=lambda d: (d.start, d.cue[0]))
    drafts = [d for d in drafts if not _nested_restatement(d, drafts)]
    _mark_contradictions(doc, drafts)
    return [_to_claim(text, draft) for draft in drafts]


# -- verbs -------------------------------------------------------------------------------------------


def _verb_claim(
    cue: Token, sent: Span, quotes: list[Quote], found: Analysis, earlier: list[Draft]
) -> Draft | None:
    text = cue.doc.text
    speaker_head, inverted = _speaker_of(cue)
    if speaker_head is None or quote_at(quotes, speaker_head.idx) is not None:
        return None
    spans: list[tuple[int, int]] = []
    used: list[Quote] = []
    ccomp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    quote = _adjacent_quote(text, cue, speaker_head, quotes)
    if quote is not None and (ccomp is None or quote_at(quotes, ccomp.idx) is quote):
        spans, used = [(quote.start, quote.end)], [quote]
    elif ccomp is not None:
        spans = [_clause_span(ccomp)]
    elif inverted:
        spans = [_before_cue(cue, sent)]
    elif cue.lemma_.lower() in cues().object_verbs:
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:
            spans = [_clause_span(obj)]
    if not spans:
        spans = [_rest_of_sentence(cue, sent)]
    spans = [strip_span(text, *span) for span in spans if span[1] > span[0]]
    spans = [span for span in spans if len(text[span[0] : span[1]].split()) >= MIN_CONTENT_WORDS]
    if not spans:
        return None
    return _draft(
        cue, speaker_head, spans=spans, is_quote=bool(used), used=used, found=found, earlier=earlier
    )


def _speaker_of(cue: Token) -> tuple[Token | None, bool]:
    """The head of the speaker phrase, and whether it follows the cue ("..., reported Bruce Riedel")."""
    subject = next((c for c in cue.children if c.dep_ in _SUBJECTS), None)
    after = next(
        (
            c
            for c in cue.children
            if c.i > cue.i and c.dep_ in _INVERTED_SUBJECTS and c.pos_ in {"PROPN", "NOUN"}
        ),
        None,
    )
    # "..., reported Bruce Riedel": a finite verb after a comma, with its subject after it
    comma_before = (
        cue.i > 0 and cue.doc[cue.i - 1].text in {",", "”", '"'} and cue.tag_ in {"VBD", "VBZ", "VBP"}
    )
    has_ccomp = any(c.dep_ == "ccomp" for c in cue.children)
    if after is not None and not _can_speak(after):
        after = None  # "..., emphasized the fentanyl issue": an object, not an inverted speaker
    if subject is None and after is not None and comma_before and not has_ccomp:
        return after, True
    if subject is None and cue.dep_ == "conj" and cue.head.i < cue.i:
        subject = next((c for c in cue.head.children if c.dep_ in _SUBJECTS and c.i < cue.i), None)
    if subject is not None and subject.lower_ in cues().relative_pronouns and cue.dep_ == "relcl":
        subject = cue.head
    if subject is not None and is_nominal(subject) and subject.lower_ not in {"there", "what"}:
        return subject, subject.i > cue.i
    if after is not None and comma_before:
        return after, True
    return None, False


def _can_speak(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or (token.lemma_.lower() in cues().person_nouns)
    )


def _adjacent_quote(text: str, cue: Token, speaker: Token, quotes: list[Quote]) -> Quote | None:
    """The quote this cue attributes: just before it ("…," he said) or just after it (he said: "…")."""
    left = min(cue.idx, speaker.idx)
    right = max(cue.idx + len(cue.text), speaker.idx + len(speaker.text))
    before = [q for q in quotes if q.outer_end <= left and _clean_gap(text[q.outer_end : left])]
    if before:
        return before[-1]
    after = [q for q in quotes if q.outer_start >= right and _clean_gap(text[right : q.outer_start])]
    return after[0] if after else None


def _clean_gap(gap: str) -> bool:
    return len(gap) <= MAX_GAP and "\n\n" not in gap and not _SENTENCE_END.search(gap) and '"' not in gap


def _clause_span(head: Token) -> tuple[int, int]:
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is not None:  # "told VOA during a press gaggle that he believes ...": the clause starts here
        start = mark.i + 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _before_cue(cue: Token, sent: Span) -> tuple[int, int]:
    return sent.start_char, cue.idx


def _rest_of_sentence(cue: Token, sent: Span) -> tuple[int, int]:
    if cue.i + 1 >= sent.end:
        return (0, 0)
    nxt = cue.doc[cue.i + 1]
    # only a complement whose subject moved away: "what experts warn was ...", "some believe is backed"
    if nxt.pos_ not in {"AUX", "VERB"} or nxt.is_punct:
        return (0, 0)
    start = nxt.idx + (len(nxt.text) + 1 if nxt.lower_ == "that" else 0)
    return start, sent.end_char


# -- "according to" and statement nouns --------------------------------------------------------------


def _according_to(token: Token, sent: Span, found: Analysis) -> Draft | None:
    doc = token.doc
    to = doc[token.i + 1]
    head = next((c for c in to.children if c.dep_ == "pobj"), None)
    if head is None:
        return None
    start, end = phrase_bounds(head)
    last = doc[end - 1]
    if end + 1 < sent.end and doc[end].text == "," and doc[end + 1].lower_ in cues().relative_pronouns:
        # "According to an official, who spoke on condition of anonymity, the prison ...": skip the clause
        last = next((t for t in doc[end + 1 : sent.end] if t.text == ","), last)
    phrase_end = last.idx + len(last.text)
    opens = token.i - sent.start <= 1  # "According to X, ..." opens the sentence
    content = (phrase_end, sent.end_char) if opens else (sent.start_char, token.idx)
    span = strip_span(doc.text, *content)
    if len(doc.text[span[0] : span[1]].split()) < MIN_CONTENT_WORDS:
        return None
    cue_span = (token.idx, to.idx + len(to.text))
    return _build(
        doc, head, bounds=(start, end), cue_span=cue_span, cue_lemma="according to", spans=[span], found=found
    )


def _noun_claim(noun: Token, found: Analysis) -> Draft | None:
    clause = next(
        (c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.left_edge.lower_ == "that"),
        None,
    )
    if clause is None or clause.left_edge.dep_ != "mark":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None or owner.pos_ == "PRON" or owner.ent_type_ in {"DATE", "TIME"}:
        return None
    start, end = phrase_bounds(owner)
    span = strip_span(noun.doc.text, *_clause_span(clause))
    cue_span = (noun.idx, noun.idx + len(noun.text))
    return _build(
        noun.doc,
        owner,
        bounds=(start, end),
        cue_span=cue_span,
        cue_lemma=noun.lemma_.lower(),
        spans=[span],
        found=found,
    )


# -- assembling --------------------------------------------------------------------------------------


def _draft(
    cue: Token,
    head: Token,
    *,
    spans: list[tuple[int, int]],
    is_quote: bool,
    used: list[Quote],
    found: Analysis,
    earlier: list[Draft],
) -> Draft | None:
    doc = cue.doc
    cue_span = (cue.idx, cue.idx + len(cue.text))
    if head.lower_ in cues().pronouns:
        resolved = entity_at(found, head)  # the actors stage may have resolved the pronoun
        previous = _previous_speaker(earlier, cue.idx, found, personal=head.lower_ in {"he", "she"})
        if head.lower_ == "it" and previous is not None and _person_like(previous, found):
            previous = None  # "it said" is an organisation, not the person quoted before
        bounds = (head.idx, head.idx + len(head.text))
        if previous is not None:  # "he added" continues the previous speaker
            speaker_text, speaker_id = previous.speaker_text, previous.speaker_id
        elif resolved is not None:
            speaker_text, speaker_id = head.text, resolved.id
        else:
            return None
        return Draft(
            head, bounds, speaker_text, speaker_id, cue_span, cue.lemma_.lower(), spans, is_quote, used
        )
    return _build(
        doc,
        head,
        bounds=phrase_bounds(head),
        cue_span=cue_span,
        cue_lemma=cue.lemma_.lower(),
        spans=spans,
        is_quote=is_quote,
        used=used,
        found=found,
    )


def _build(
    doc: Doc,
    head: Token,
    *,
    bounds: tuple[int, int],
    cue_span: tuple[int, int],
    cue_lemma: str,
    spans: list[tuple[int, int]],
    found: Analysis,
    is_quote: bool = False,
    used: list[Quote] | None = None,
) -> Draft | None:
    start, end = bounds
    if end <= start:
        return None
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    speaker_text = doc.text[start_char:end_char]
    if speaker_text.endswith(("’s", "'s")):
        speaker_text, end_char = speaker_text[:-2], end_char - 2
    speaker_id = link_speaker(found, head, start_char, end_char)
    return Draft(
        head,
        (start_char, end_char),
        speaker_text,
        speaker_id,
        cue_span,
        cue_lemma,
        spans,
        is_quote,
        used or [],
    )


def _previous_speaker(drafts: list[Draft], before: int, found: Analysis, *, personal: bool) -> Draft | None:
    """The last speaker before `before`, if recent; "he"/"she" only continue a person ("a study" is
    not who "he said" refers to)."""
    earlier = [d for d in drafts if d.cue[0] < before and before - d.cue[0] <= MAX_PRONOUN_REACH]
    if not earlier:
        return None
    last = earlier[-1]
    if personal and not _person_like(last, found):
        return None
    return last


def _person_like(draft: Draft, found: Analysis) -> bool:
    kinds = {entity.id: entity.type for entity in found.entities}
    head = draft.speaker_head
    if head.lower_ in cues().pronouns:
        return True  # a continued speaker was checked when it was first resolved
    if kinds.get(draft.speaker_id or "") == "PERSON" or head.ent_type_ == "PERSON":
        return True
    return head.lemma_.lower() in cues().person_nouns


def _duplicate(draft: Draft, drafts: list[Draft]) -> bool:
    for other in drafts:
        same = other.spans == draft.spans or (other.quotes and other.quotes == draft.quotes)
        if same and other.speaker_text == draft.speaker_text:
            return True
        if other.quotes and draft.quotes and other.quotes[0] == draft.quotes[0]:
            return True
    return False


def _nested_restatement(draft: Draft, drafts: list[Draft]) -> bool:
    """ "Rubio told VOA that he believes X": the belief inside his own statement is the same claim."""
    return any(
        other is not draft
        and other.start <= draft.cue[0] < other.end
        and other.speaker_text == draft.speaker_text
        and other.speaker_id == draft.speaker_id
        for other in drafts
    )


def _continue_quotes(text: str, quotes: list[Quote], drafts: list[Draft]) -> None:
    """Unattributed quotes that follow an attributed one in its paragraph are more of the same speech."""
    used = {quote for draft in drafts for quote in draft.quotes}
    for quote in quotes:
        if quote in used:
            continue
        owner = None
        for draft in drafts:
            if not draft.quotes:
                continue
            last = draft.quotes[-1]
            between = text[last.outer_end : quote.outer_start]
            cue_between = any(
                last.outer_end <= d.cue[0] < quote.outer_start for d in drafts if d is not draft
            )
            if last.outer_end <= quote.outer_start and "\n\n" not in between and not cue_between:
                owner = draft
        if owner is not None:
            owner.quotes.append(quote)
            owner.spans.append((quote.start, quote.end))
            used.add(quote)


def _content_words(doc: Doc, span: tuple[int, int]) -> set[str]:
    words = re.findall(r"[A-Za-z][\w'-]{3,}", doc.text[span[0] : span[1]])
    return {w.lower() for w in words} - _STOP


def _mark_contradictions(doc: Doc, drafts: list[Draft]) -> None:
    """A claim made with a contradicting cue opposes the claims it contains or restates."""
    for i, draft in enumerate(drafts):
        if draft.cue_lemma not in cues().contradict_verbs:
            continue
        mine = _content_words(doc, (draft.start, draft.end))
        for j, other in enumerate(drafts):
            if j == i or other.speaker_text == draft.speaker_text:
                continue
            inside = draft.start <= other.cue[0] < draft.end
            theirs = _content_words(doc, (other.start, other.end))
            restated = len(mine & theirs) >= 2 and len(mine & theirs) >= 0.5 * min(len(mine), len(theirs))
            if inside or restated:
                draft.contradicts.add(j)
                other.contradicts.add(i)


def _to_claim(text: str, draft: Draft) -> Claim:
    content = " ".join(text[s:e] for s, e in draft.spans)
    return Claim(
        speaker=draft.speaker_id,
        speaker_text=draft.speaker_text,
        cue=text[draft.cue[0] : draft.cue[1]],
        text=re.sub(r"\s+", " ", content).strip(),
        quote=draft.quote,
        mentions={
            "speaker": [draft.speaker[0], draft.speaker[1]],
            "cue": [draft.cue[0], draft.cue[1]],
            "text": [draft.start, draft.end],
        },
        contradicts=sorted(draft.contradicts),
    )
