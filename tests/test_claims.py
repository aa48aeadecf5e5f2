"""Claims: quotes, reported speech, speakers linked to entities, continuation and contradictions."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.claims import claim_covering
from newsgraph.claims.extract import extract_claims
from newsgraph.claims.quotes import find_quotes
from newsgraph.model import Claim, Entity, Mention
from newsgraph.nlp import load_pipeline
from newsgraph.nlp.analysis import Analysis


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=())  # the bare statistical pipeline, cached for the session


def _analysis(text: str, entities: dict[str, tuple[str, list[str]]]) -> Analysis:
    """Entities whose mentions are every occurrence of the given surface forms."""
    found = Analysis()
    for entity_id, (kind, forms) in entities.items():
        mentions = []
        for form in forms:
            start = text.find(form)
            while start >= 0:
                mentions.append(Mention(start, start + len(form), form))
                start = text.find(form, start + 1)
        found.entities.append(Entity(entity_id, forms[0], kind, mentions=mentions))  # type: ignore[arg-type]
    return found


def _claims(nlp: Language, text: str, entities: dict[str, tuple[str, list[str]]]) -> list[Claim]:
    doc: Doc = nlp(text)
    return extract_claims(doc, _analysis(text, entities))


def test_quotes_pair_curly_and_straight_marks_and_skip_scare_quotes() -> None:
    text = 'He said “the war is far from over now.” Then "we will fight on to the end" and the “Khorasan Province.”'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "the war is far from over now.",
        "we will fight on to the end",
    ]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“We will not stop until the last of them is gone\n\n“Nor will we rest,” he said."
    quotes = find_quotes(text)
    assert text[quotes[0].start : quotes[0].end] == "We will not stop until the last of them is gone"


def test_quote_with_unnamed_speaker_links_to_the_organisation_named(nlp: Language) -> None:
    text = (
        "“The bond between us and our brothers is a solid ideological bond,” a senior al-Qaida official "
        "told a Pakistani newspaper. “Our common enemy does not know what is coming its way,” he added."
    )
    claims = _claims(nlp, text, {"aq": ("ARMED_GROUP", ["al-Qaida"])})
    assert len(claims) == 2
    first, second = claims
    assert first.quote and first.speaker == "aq" and first.cue == "told"
    assert first.speaker_text == "a senior al-Qaida official"
    assert "ideological bond" in first.text
    start, end = first.mentions["speaker"]
    assert text[start:end] == first.speaker_text
    # "he added" continues the previous speaker
    assert second.speaker == "aq" and second.cue == "added" and "common enemy" in second.text


def test_continued_quote_in_the_same_paragraph_joins_the_claim(nlp: Language) -> None:
    text = (
        "“We are winning this long war now,” the commander told reporters. “The enemy is weak and divided.”"
    )
    claims = _claims(nlp, text, {})
    assert len(claims) == 1
    assert "winning" in claims[0].text and "weak and divided" in claims[0].text


def test_inverted_reporting_verb_makes_the_preceding_clause_the_claim(nlp: Language) -> None:
    text = (
        "The unit was moved back into the Helmand Province of Afghanistan, reported Bruce Riedel, "
        "a counter-terror expert at Brookings."
    )
    claims = _claims(
        nlp, text, {"riedel": ("PERSON", ["Bruce Riedel"]), "brk": ("ORGANIZATION", ["Brookings"])}
    )
    assert len(claims) == 1
    claim = claims[0]
    assert claim.speaker == "riedel" and claim.speaker_text == "Bruce Riedel" and not claim.quote
    assert claim.text.startswith("The unit was moved back into the Helmand Province")
    assert "Riedel" not in claim.text


def test_reported_speech_and_according_to(nlp: Language) -> None:
    text = (
        "Officials in Kabul said that the militants had withdrawn from the district. "
        "The attack killed nine people, according to the provincial governor."
    )
    claims = _claims(nlp, text, {})
    by_cue = {claim.cue: claim for claim in claims}
    assert by_cue["said"].text == "the militants had withdrawn from the district"
    assert by_cue["said"].speaker_text == "Officials in Kabul"
    assert by_cue["according to"].speaker_text == "the provincial governor"
    assert by_cue["according to"].text == "The attack killed nine people"


def test_contradiction_between_a_report_and_its_denial(nlp: Language) -> None:
    text = "Afghan authorities contradicted the Taliban's report that Omar died in June."
    claims = _claims(nlp, text, {"taliban": ("ARMED_GROUP", ["Taliban"])})
    report = next(claim for claim in claims if claim.cue == "report")
    denial = next(claim for claim in claims if claim.cue == "contradicted")
    assert report.speaker == "taliban" and report.text == "Omar died in June"
    assert claims.index(report) in denial.contradicts
    assert claims.index(denial) in report.contradicts


def test_hedged_unnamed_speaker(nlp: Language) -> None:
    text = "The Taliban is battling the government in an offensive some believe is backed by Pakistan."
    claims = _claims(nlp, text, {})
    assert [(c.speaker, c.speaker_text, c.cue) for c in claims] == [(None, "some", "believe")]
    assert "Pakistan" in claims[0].text


def test_claim_covering_finds_the_claim_around_an_event_sentence() -> None:
    found = Analysis()
    found.claims = [
        Claim("x", "X", "said", "outer", False, mentions={"text": [0, 100]}),
        Claim("y", "Y", "report", "inner", False, mentions={"text": [40, 80]}),
    ]
    covering = claim_covering(found, 45, 75)
    assert covering is not None and covering.speaker == "y"
    outer = claim_covering(found, 5, 30)
    assert outer is not None and outer.speaker == "x"
    assert claim_covering(found, 150, 200) is None


def test_seed_claims(seed_extraction) -> None:  # type: ignore[no-untyped-def]
    names = {entity.id: entity.name.lower() for entity in seed_extraction.entities}
    claims = seed_extraction.claims
    riedel = [c for c in claims if c.speaker_text == "Bruce Riedel"]
    assert riedel and "Helmand" in riedel[0].text and not riedel[0].quote
    official = [c for c in claims if c.quote and "ideological bond" in c.text]
    assert official and "qaida" in names.get(official[0].speaker or "", "")
    added = [c for c in claims if c.cue == "added"]
    assert added and added[0].speaker == official[0].speaker
    for claim in claims:
        start, end = claim.mentions["cue"]
        assert seed_extraction.document.body[start:end] == claim.cue


def test_he_does_not_continue_a_non_person_speaker(nlp: Language) -> None:
    text = (
        "A study published this month revealed that the disease is rising far faster than thought. "
        "He said his weight was a problem for many years."
    )
    claims = _claims(nlp, text, {})
    assert [c.speaker_text for c in claims] == ["A study"]
