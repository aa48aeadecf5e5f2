"""All relation rules over one sentence, in a fixed order (the first evidence for a relation wins)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from newsgraph.relations.candidates import Candidate
from newsgraph.relations.lexicon import lexicon
from newsgraph.relations.nominal import alliance, membership, possessive_pronoun, support
from newsgraph.relations.presence import presence_rules
from newsgraph.relations.refs import RefIndex
from newsgraph.relations.surface import gap_rules
from newsgraph.relations.verbal import against, verb_rules


def sentence_rules(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    lex = lexicon()
    yield from gap_rules(index, sent)
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            yield from verb_rules(token, index, sent)
        elif token.lower_ == "against":
            yield from against(token, index, sent)
        elif token.pos_ == "NOUN" and lemma in lex.alliances:
            yield from alliance(token, index, sent)
        elif token.pos_ == "NOUN" and lemma in lex.support_nouns:
            yield from support(token, index, sent)
        elif token.pos_ == "NOUN" and lemma in {"part", "member"}:
            yield from membership(token, index, sent)
        elif token.lower_ in {"its", "their"} and token.dep_ == "poss":
            yield from possessive_pronoun(token, index, sent)
    yield from presence_rules(index, sent)
