"""How many people a noun phrase speaks of: "two", "31", "several of his associates", "insurgents".

Figures are read as minimums ("at least"), the way casualty counts are reported. Vague quantities
get the smallest number a reader would accept for them: a plural with no number is at least two,
"several" at least three. A definite phrase ("the insurgents") usually refers back to people
already counted; the events stage decides that with the whole article in view.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "lone": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "both": 2,
    "pair": 2,
    "couple": 2,
}
# Smallest reading of vague quantifiers.
VAGUE: dict[str, int] = {
    "several": 3,
    "few": 3,
    "some": 3,
    "multiple": 3,
    "various": 3,
    "group": 3,
    "number": 3,
    "numerous": 4,
    "many": 4,
    "handful": 4,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "more": 2,
    "other": 2,
    "couple": 2,
    "pair": 2,
}
DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her", "such"})
# Heads that are not people: figures next to them are not casualties.
NOT_PEOPLE = frozenset(
    {
        "weapon",
        "ied",
        "explosive",
        "cache",
        "round",
        "rifle",
        "grenade",
        "kilogram",
        "pound",
        "vehicle",
        "car",
        "truck",
        "motorcycle",
        "compound",
        "building",
        "house",
        "drug",
        "opium",
        "hashish",
        "marijuana",
        "device",
        "material",
        "mine",
        "ammunition",
        "rocket",
        "mortar",
        "position",
        "phone",
        "document",
        "seed",
        "bag",
        "item",
        "kg",
        "lb",
        "year",
        "day",
        "hour",
        "month",
        "week",
        "time",
        "area",
        "village",
        "district",
        "province",
    }
)
_DIGITS = re.compile(r"^\d[\d,]*$")


def number_value(token: Token) -> int | None:
    """The value of a number token: digits, number words, "twenty-one"."""
    text = token.text.lower().replace(",", "")
    if _DIGITS.match(token.text):
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if "-" in text:
        parts = [NUMBER_WORDS.get(part) for part in text.split("-")]
        if all(part is not None for part in parts):
            return sum(part for part in parts if part is not None)
    return None


def _own_count(head: Token) -> int | None:
    """The figure a single (non-coordinated) phrase headed by `head` gives, or None."""
    lemma = head.lemma_.lower()
    if lemma in NOT_PEOPLE:
        return None
    if head.lower_ in ("him", "her", "he", "she", "himself", "herself"):
        return 1
    if head.like_num or head.pos_ == "NUM":
        value = number_value(head)
        return value if value is not None else None
    if head.lower_ in VAGUE and any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children):
        return VAGUE[head.lower_]  # "several of his associates", "a number of insurgents"
    figure: int | None = None
    definite = False
    for child in head.children:
        if child.i > head.i:
            continue
        word = child.lower_
        if child.dep_ == "nummod" or child.like_num:
            value = number_value(child)
            if value is not None:
                # "a dozen" -> 12; compound numbers like "two hundred" multiply
                figure = value if figure is None else max(figure, value)
        elif child.dep_ in ("det", "amod", "quantmod", "predet", "poss"):
            if word == "no":
                return 0
            if word in VAGUE:
                figure = VAGUE[word] if figure is None else figure
            elif word in DEFINITE or child.dep_ == "poss":
                definite = True
            elif word in ("a", "an", "one", "another", "single", "each"):
                figure = 1 if figure is None else figure
    # "a group of insurgents": the quantity noun is the head, the people its "of" object
    if figure is None and lemma in VAGUE and not definite:
        return VAGUE[lemma]
    if figure is not None:
        return figure
    if definite and head.tag_ in ("NN", "NNP"):
        return 1  # "the top Taliban leader"; whether he was counted before is for the caller
    if head.tag_ in ("NNS", "NNPS"):
        return 2  # a bare plural: at least two
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return 1
    return None


def conjuncts(head: Token) -> list[Token]:
    """The head and the heads coordinated with it ("a facilitator and several of his associates")."""
    out = [head]
    for token in head.conjuncts:
        if token.i > head.i:
            out.append(token)
    # "a facilitator along with several suspected insurgents"
    for prep in head.children:
        after_along = prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("along", "together")
        if prep.dep_ == "prep" and prep.lower_ == "with" and after_along:
            out.extend(child for child in prep.children if child.dep_ == "pobj")
        if prep.dep_ == "prep" and prep.lower_ == "along":
            for inner in prep.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    out.extend(child for child in inner.children if child.dep_ == "pobj")
    return out


def people_count(head: Token) -> int | None:
    """The number of people the phrase headed by `head` (with its conjuncts) speaks of."""
    values = [_own_count(token) for token in conjuncts(head)]
    known = [value for value in values if value is not None]
    if not known:
        return None
    return sum(known)
