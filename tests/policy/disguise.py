"""Disguise generator for the policy's word lists.

Produces the ways readers hide a word from a filter: letters split by spaces or dots, tatweel,
letters cut off by dots inside a stretched word (حـ.ـمـ.ـار), a word cut by a space between two
tatweels (شـ ـرموطة), diacritics, repeated letters, a Latin letter typed inside an Arabic word (كlب),
zero-width characters, Persian/Urdu look-alike letters, Arabic presentation forms, hamza/alef
variants, and for Latin-script (Arabizi) terms upper case,
full-width letters, stretched letters and separators.

It deliberately shares NO code or tables with app/rules (the normalizer): every table below is
written out here, so a bug in the engine's tables cannot hide itself in the test.
"""

import re

TATWEEL = "\u0640"
EMOJI = "\U0001F525"  # 🔥
DIACRITICS = ["\u064e", "\u0650", "\u064f", "\u0651", "\u0652", "\u064b", "\u064d", "\u064c"]
ARABIC_LETTER_MARK = "\u061c"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f"]

# Letters that join to the following letter (tatweel only looks natural after them).
_NON_JOINING = set("اأإآدذرزوؤةءى")

# Persian / Urdu / Kurdish look-alikes a reader can type instead of the Arabic letter.
LOOKALIKES = {
    "ك": "\u06a9",  # ک keheh
    "ي": "\u06cc",  # ی farsi yeh
    "ه": "\u06be",  # ھ heh doachashmee
    "ة": "\u06c0",  # ۀ heh with yeh above
    "ى": "\u06cc",
    "ا": "\u0671",  # ٱ alef wasla
    "و": "\u06c6",  # ۆ oe (Kurdish)
}
# A second table for letters missing from the first (hamza / alef forms folded by the engine).
HAMZA_VARIANTS = {"ا": "أ", "ي": "ى", "ه": "ة", "و": "ؤ"}

# Isolated presentation forms (Arabic Presentation Forms-B). NFKC maps them back.
ISOLATED = {
    "ء": "\ufe80", "آ": "\ufe81", "أ": "\ufe83", "ؤ": "\ufe85", "إ": "\ufe87", "ئ": "\ufe89",
    "ا": "\ufe8d", "ب": "\ufe8f", "ة": "\ufe93", "ت": "\ufe95", "ث": "\ufe99", "ج": "\ufe9d",
    "ح": "\ufea1", "خ": "\ufea5", "د": "\ufea9", "ذ": "\ufeab", "ر": "\ufead", "ز": "\ufeaf",
    "س": "\ufeb1", "ش": "\ufeb5", "ص": "\ufeb9", "ض": "\ufebd", "ط": "\ufec1", "ظ": "\ufec5",
    "ع": "\ufec9", "غ": "\ufecd", "ف": "\ufed1", "ق": "\ufed5", "ك": "\ufed9", "ل": "\ufedd",
    "م": "\ufee1", "ن": "\ufee5", "ه": "\ufee9", "و": "\ufeed", "ى": "\ufeef", "ي": "\ufef1",
}

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def is_arabic(term: str) -> bool:
    return bool(_ARABIC_LETTER.search(term))


def _longest_word_index(words):
    return max(range(len(words)), key=lambda i: len(words[i]))


def _per_word(term, fn):
    return " ".join(fn(word) for word in term.split(" "))


def _on_longest(term, fn):
    words = term.split(" ")
    i = _longest_word_index(words)
    words[i] = fn(words[i])
    return " ".join(words)


_SHORT_SEPARATOR = {" ": "*", ".": "_", "-": "**"}


def _split(word, sep):
    # runs of three or more single letters are rejoined; a shorter word is split inside the word
    # ("ز*ب"), since two spaced letters are indistinguishable from two real one-letter words
    return sep.join(word) if len(word) >= 3 else _SHORT_SEPARATOR[sep].join(word)


def _tatweel(word):
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if i < len(word) - 1 and ch not in _NON_JOINING:
            out.append(TATWEEL * (1 + i % 3))
    stretched = "".join(out)
    if stretched == word and len(word) > 1:  # no joining letter: stretch after the first anyway
        stretched = word[0] + TATWEEL + word[1:]
    return stretched


def _tatweel_dots(word):
    # "حـ.ـمـ.ـار": the first half of the letters each cut off by a dot, stretched by tatweel
    # where the letter joins — the rest of the word stays whole
    if len(word) < 2:
        return word
    cut = max(1, len(word) // 2)
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if i < cut:
            out.append(f"{TATWEEL}.{TATWEEL}" if ch not in _NON_JOINING else ".")
    return "".join(out)


def _tatweel_cut(word):
    # "شـ ـرمـ ـوطة": the word cut in two at a joining letter near its middle, each side stretched
    # by tatweel, a space between
    if len(word) < 2:
        return word
    joining = [i for i in range(len(word) - 1) if word[i] not in _NON_JOINING] or [0]
    cut = min(joining, key=lambda i: abs(i - (len(word) - 1) // 2))
    return word[: cut + 1] + TATWEEL + " " + TATWEEL + word[cut + 1:]


def _diacritize(word):
    return "".join(ch + DIACRITICS[i % len(DIACRITICS)] for i, ch in enumerate(word))


def _repeat(word):
    # stretch the last letter and one inner letter that is not already doubled
    if len(word) == 1:
        return word * 4
    out = list(word)
    out[-1] = out[-1] * 5
    mid = len(word) // 2
    if word[mid] not in (word[mid - 1], word[(mid + 1) % len(word)]):
        out[mid] = out[mid] * 3
    return "".join(out)


def _zero_width(word):
    return "".join(ch + (ZERO_WIDTH[i % len(ZERO_WIDTH)] if i < len(word) - 1 else "")
                   for i, ch in enumerate(word))


def _lookalike(word):
    changed = "".join(LOOKALIKES.get(ch, ch) for ch in word)
    if changed == word:
        changed = "".join(HAMZA_VARIANTS.get(ch, ch) for ch in word)
    if changed == word:  # no letter with a look-alike: an Arabic letter mark (a format character)
        changed = word[0] + ARABIC_LETTER_MARK + word[1:]
    return changed


def _presentation(word):
    return "".join(ISOLATED.get(ch, ch) for ch in word)


def _emoji_cut(word):
    # "ك🔥لب": a pictograph right after the first letter, which it leaves alone
    return word if len(word) < 2 else word[0] + EMOJI + word[1:]


# How Arabizi spells an Arabic letter in Latin (a reader types one inside an Arabic word: "كlب").
ARABIZI_SPELLING = {
    "ا": "a", "ب": "b", "ت": "t", "ج": "j", "د": "d", "ر": "r", "ز": "z", "س": "s", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y",
}


def _arabizi_letter(word):
    # the inner letter nearest the middle that Arabizi spells, typed in Latin (capital when odd)
    inner = [i for i in range(1, len(word) - 1) if word[i] in ARABIZI_SPELLING]
    if not inner:
        return word
    i = min(inner, key=lambda k: abs(k - len(word) // 2))
    latin = ARABIZI_SPELLING[word[i]]
    return word[:i] + (latin.upper() if i % 2 else latin) + word[i + 1:]


def arabic_disguises(term: str) -> dict[str, str]:
    disguises = {
        "spaced": _on_longest(term, lambda w: _split(w, " ")),
        "dotted": _on_longest(term, lambda w: _split(w, ".")),
        "tatweel": _per_word(term, _tatweel),
        "diacritics": _per_word(term, _diacritize),
        "repeated": _per_word(term, _repeat),
        "zero_width": _per_word(term, _zero_width),
        "lookalikes": _per_word(term, _lookalike),
        "presentation": _per_word(term, _presentation),
        "tatweel+diacritics": _per_word(term, lambda w: _diacritize(_tatweel(w))),
        "dashed": _on_longest(term, lambda w: _split(w, "-")),
        "tatweel+dots": _on_longest(term, _tatweel_dots),
        "tatweel+space": _on_longest(term, _tatweel_cut),
        "emoji": _on_longest(term, _emoji_cut),
    }
    latin_inside = _on_longest(term, _arabizi_letter)
    if latin_inside != term:  # a term with no inner letter Arabizi spells has no such disguise
        disguises["arabizi_letter"] = latin_inside
    return disguises


_FULLWIDTH_OFFSET = 0xFF01 - 0x21


def _fullwidth(word):
    return "".join(chr(ord(ch) + _FULLWIDTH_OFFSET) if "!" <= ch <= "~" else ch for ch in word)


def _latin_repeat(word):
    # stretch one letter (3+ times) that is not next to the same letter
    for i, ch in enumerate(word):
        if ch.isalpha() and (i == 0 or word[i - 1] != ch) and (i == len(word) - 1 or word[i + 1] != ch):
            return word[:i] + ch * 4 + word[i + 1:]
    return word


def latin_disguises(term: str) -> dict[str, str]:
    if any(ch.isdigit() for ch in term):
        # Arabizi digits stand for letters: keep them inside the word (a lone "7" is a number)
        return {
            "upper": term.upper(),
            "title": term.title(),
            "repeated": _per_word(term, _latin_repeat),
            "zero_width": _per_word(term, _zero_width),
            "fullwidth": _per_word(term, _fullwidth),
            "upper+zero_width": _per_word(term.upper(), _zero_width),
            "fullwidth+upper": _per_word(term.upper(), _fullwidth),
            "repeated+upper": _per_word(term, _latin_repeat).upper(),
        }
    return {
        "upper": term.upper(),
        "title": term.title(),
        "spaced": _on_longest(term, lambda w: _split(w, " ")),
        "dotted": _on_longest(term, lambda w: _split(w, ".")),
        "repeated": _per_word(term, _latin_repeat),
        "zero_width": _per_word(term, _zero_width),
        "fullwidth": _per_word(term, _fullwidth),
        "dashed": _on_longest(term, lambda w: _split(w, "-")),
        "upper+zero_width": _per_word(term.upper(), _zero_width),
    }


def disguises(term: str) -> dict[str, str]:
    return arabic_disguises(term) if is_arabic(term) else latin_disguises(term)


def read_terms(path) -> list[str]:
    terms = []
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    for line in lines:
        line = line.split(" # ", 1)[0].strip()
        if line and not line.startswith("#"):
            terms.append(line)
    return terms
