"""The default policy's word lists write each phrase once: no term twice in a list, and the spellings
the matcher derives (another opener of the same family, the spoken pronoun و for ه) are never listed
by hand."""
import re

import pytest

from app.rules import Submission, evaluate
from app.rules.normalize import normalize_term, term_forms
from app.rules.words import dialect_variants, parse_word_list

from .conftest import LEXICON_DIR

_LATIN = re.compile("[A-Za-z]")


def derived_duplicates(terms: list[str]) -> list[str]:
    """The terms of a list that another term of it already brings as a dialect spelling (both,
    where two openers of a family bring each other: one of them is to go)."""
    keys = [" ".join(normalize_term(term).split()) for term in terms]
    listed = set(keys)
    derived = set()
    for key in listed:
        derived.update(variant for variant in dialect_variants(key) if variant != key)
    return [term for term, key in zip(terms, keys, strict=True) if key in derived]


def test_derived_duplicates_are_found():
    assert derived_duplicates(["اولاد الحرام", "عيال الحرام", "ولد"]) == ["اولاد الحرام", "عيال الحرام"]
    assert derived_duplicates(["لازم يطردوهم", "يجب ان يطردوهم", "الله ياخده", "الله ياخدو"]) == [
        "لازم يطردوهم", "يجب ان يطردوهم", "الله ياخدو",
    ]
    assert derived_duplicates(["ابن الكلب", "اولاد الكلب", "حقيره", "حقيرو"]) == []


def repeated_terms(terms: list[str]) -> list[str]:
    """The terms of a list written again further down: the same letters once folded, diacritics
    and tatweel gone, doubled letters kept (so «هنيكك» and «هنيك» are two spellings, not a repeat).
    A term with Latin letters is compared as the matcher reads it, its Arabizi spelling folded:
    «sharmouta» repeats «sharmoota»."""
    seen, repeated = set(), []
    for term in terms:
        form = normalize_term(term) if _LATIN.search(term) else term_forms(term)[1]
        written = " ".join(form.split())
        if written in seen:
            repeated.append(term)
        seen.add(written)
    return repeated


def test_repeated_terms_are_found():
    assert repeated_terms(["عبدة القبور", "عبده القبور", "هنيكك", "هنيك", "حمار"]) == ["عبده القبور"]
    assert repeated_terms(["sharmoota", "sharmouta", "CHARMOUTA", "5anzir", "khanzeer", "kalb"]) == [
        "sharmouta", "CHARMOUTA", "khanzeer",
    ]


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_no_list_repeats_a_term(path):
    assert repeated_terms(parse_word_list(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", sorted(LEXICON_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_no_list_spells_out_what_the_matcher_derives(path):
    terms = parse_word_list(path.read_text(encoding="utf-8"))
    assert derived_duplicates(terms) == []


def test_no_curse_phrase_is_a_wish_the_pattern_already_reads(policy):
    """Object-less wishes («عساك الماحي»، «يا رب تموت») are insult.wish_gone's, in every person:
    the list holds none of them, so the two never drift apart."""
    terms = parse_word_list((LEXICON_DIR / "curses.txt").read_text(encoding="utf-8"))
    read_whole = [
        term for term in terms
        if any(hit.rule == "insult.wish_gone" and (hit.start, hit.end) == (0, len(term))
               for hit in evaluate(policy, Submission(body=term)).hits)
    ]
    assert read_whole == []
