r"""Editor-written patterns on RE2, with Arabic-aware word boundaries.

RE2 runs in linear time, so an editor cannot write a pattern that hangs the site; its `\b` and
`\w` are ASCII-only, so patterns get two escapes of the engine's own:

  \m   start of a word: at the start of the text or after a character that is not a letter
       or digit of any script
  \M   end of a word: at the end of the text or before such a character

RE2 has no look-around, so each becomes a group that consumes the neighbouring non-word
character if there is one, or else matches empty; an empty one is checked against the text
after the match (and the search moves on one character when it fails), and a consumed
character at either end of the match is trimmed off the reported span. So "\mا\M \mب\M"
and "\mكلب\M.{0,9}\mالان\M" work although the space between is consumed once.

Patterns see the normalized text (no diacritics, ا for أ إ آ, ي for ى, ه for ة, lowercase
Latin, a doubled letter written once, no alif after a final plural و), so they are written in that
form; the loader refuses characters and spellings that never occur there («الله», «اقتلوا\M»).
"""

import re

import re2

from app.rules import arabic
from app.rules.model import Match, RuleConfigError

_WORD = r"\pL\pN"
_START = "(?P<_m{0}>[^" + _WORD + "]|^|)"
_END = "(?P<_M{0}>[^" + _WORD + "]|$|)"
# characters normalization removes or folds, so a pattern holding them could never match
_NEVER_IN_TEXT = (
    set(arabic.DELETED_STEP) | set(arabic.LETTER_FOLDS) | set(arabic.PERSIAN_FOLDS)
) - {"\u200c", "\u200d"}
# spellings normalization never leaves, outside a character class: a doubled Arabic letter (not
# made optional: «لل?» is fine), and the alif after a final plural و at a word's end. Our own
# regexes, checked once at load: Python's re, since RE2 has no back-references.
_NEVER_SPELLED = re.compile(r"([ء-ي])\1(?![?*{])|[ء-ي]{2}وا(?=\\M|\\s|[ |)]|$)")
_CHARACTER_CLASS = re.compile(r"\[(?:\\.|[^\]])*\]")
# Latin spellings the text never holds once Arabizi spellings are folded (arabic.ARABIZI_SPELLINGS:
# «free» reads «fri»), looked for outside escapes, group names and {{lists}}
_NEVER_SPELLED_LATIN = re.compile(arabic.ARABIZI_FOLDED_AWAY)
_NOT_LETTERS_OF_THE_TEXT = re.compile(r"\\.|\(\?P<\w+>|\{\{\w+\}\}")
MAX_MATCHES = 100
# the group a pattern names for what its wish or curse is aimed at (checks.PatternCheck, except_aimed_at)
AIM_GROUP = "aim"
# a word list inside a pattern: {{peoples}} (PatternCheck expands it before compiling)
LIST_PLACEHOLDER = re.compile(r"\{\{([a-z0-9_]+)\}\}")
# lists named as the alternatives of one group, «(?:{{stereotypes}}|{{insults}})»: one alternation
_LIST_ALTERNATIVES = re.compile(r"(?<=[(|:])\{\{[a-z0-9_]+\}\}(?:\|\{\{[a-z0-9_]+\}\})+(?=[)|])")


def translate(pattern: str) -> str:
    """Replace \\m and \\M with RE2 groups; refuse them inside a character class."""
    out, index, in_class, count = [], 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped in "mM":
                if in_class:
                    raise RuleConfigError("pattern", f"\\{escaped} cannot be used inside [...]")
                out.append((_START if escaped == "m" else _END).format(count))
                count += 1
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def expand_lists(pattern: str, terms_of) -> str:
    """Replace each {{name}} with an alternation of the normalized terms of that word list.

    terms_of(name) gives a list's normalized terms, or raises KeyError for an unknown name. The
    longest terms come first: \\M is checked after the match, so an alternation preferring a
    shorter term («عميل» before «عملاء»… or «كذاب» before «كذابين») would miss the longer word.
    Lists named as alternatives of one another («{{stereotypes}}|{{women_stereotypes}}») make one
    alternation, longest first across them: «نكد» of the first must not hide «نكديات» of the second.
    """

    def terms_of_list(name: str) -> list[str]:
        try:
            terms = terms_of(name)
        except KeyError:
            raise RuleConfigError("pattern", f"unknown word list {{{{{name}}}}}") from None
        if not terms:
            raise RuleConfigError("pattern", f"word list {{{{{name}}}}} is empty")
        return terms

    def alternation(found) -> str:
        terms = {term for name in LIST_PLACEHOLDER.findall(found.group()) for term in terms_of_list(name)}
        ordered = sorted(terms, key=lambda term: (-len(term), term))
        return "(?:" + "|".join(re2.escape(term).replace("\\ ", "\\s+") for term in ordered) + ")"

    return LIST_PLACEHOLDER.sub(alternation, _LIST_ALTERNATIVES.sub(alternation, pattern))


def list_names(pattern: str) -> list[str]:
    """The word lists a pattern names as {{name}}."""
    return LIST_PLACEHOLDER.findall(pattern)


class CompiledPattern:
    def __init__(self, pattern: str):
        unreachable = sorted({c for c in pattern if c in _NEVER_IN_TEXT})
        if unreachable:
            shown = " ".join(f"U+{ord(c):04X}" for c in unreachable)
            raise RuleConfigError(
                "pattern",
                f"holds characters normalized text never contains ({shown}); "
                "write the folded form (ا ي ه, no diacritics)",
            )
        spelled = _never_spelled(pattern)
        if spelled:
            raise RuleConfigError(
                "pattern",
                f"spells «{spelled}», which normalized text never holds: a doubled letter is written "
                "once (اله for الله) and a final plural و drops its alif (اقتلو for اقتلوا)",
            )
        spelled = _never_spelled_latin(pattern)
        if spelled:
            raise RuleConfigError(
                "pattern",
                f"spells «{spelled}», which normalized text never holds: Latin is read with Arabizi "
                "spellings folded (ee → i, oo and ou → u, aa → a, ch → sh, kh → خ, gh → غ, a doubled "
                "consonant once: «fri» for «free»)",
            )
        options = re2.Options()
        options.log_errors = False
        try:
            self._regex = re2.compile(translate(pattern), options)
        except re2.error as error:
            message = error.args[0] if error.args else error
            if isinstance(message, bytes):
                message = message.decode("utf-8", "replace")
            raise RuleConfigError("pattern", f"RE2 refuses the pattern: {message}") from None
        index = self._regex.groupindex
        self._starts = [g for name, g in index.items() if name.startswith("_m")]
        self._ends = [g for name, g in index.items() if name.startswith("_M")]
        self._aim_group = index.get(AIM_GROUP)

    def find(self, text: str) -> list[tuple[Match, tuple[int, int] | None]]:
        """Each match, with the span of its group named `aim` when the pattern has one and it took
        part: the word a wish or a curse is aimed at («يا رب <aim> يموت»)."""
        found, position = [], 0
        while position <= len(text) and len(found) < MAX_MATCHES:
            match = self._regex.search(text, position)
            if match is None:
                break
            if not self._boundaries_hold(match, text):
                position = match.start() + 1
                continue
            start, end = self._trimmed(match)
            if end > start:
                found.append((Match(start, end, text[start:end]), self._aim(match)))
            position = end if end > match.start() else match.start() + 1
        return found

    def _aim(self, match) -> tuple[int, int] | None:
        if self._aim_group is None or match.start(self._aim_group) < 0:
            return None
        return match.span(self._aim_group)

    def _boundaries_hold(self, match, text: str) -> bool:
        """An empty \\m must follow a non-word character, an empty \\M precede one."""
        for group in self._starts:
            start, end = match.span(group)
            if start == end > 0 and text[start - 1].isalnum():
                return False
        for group in self._ends:
            start, end = match.span(group)
            if 0 <= start == end < len(text) and text[end].isalnum():
                return False
        return True

    def _trimmed(self, match) -> tuple[int, int]:
        """The match without the neighbouring characters \\m and \\M consumed."""
        start, end = match.span()
        for group in self._starts:
            if match.start(group) == start and match.end(group) == start + 1:
                start += 1
                break
        for group in self._ends:
            if match.end(group) == end and match.start(group) == end - 1:
                end -= 1
                break
        return start, end


def _never_spelled_latin(pattern: str) -> str | None:
    """A Latin spelling of the pattern (outside [...], escapes and names) that folding removes."""
    letters = _NOT_LETTERS_OF_THE_TEXT.sub(" ", _CHARACTER_CLASS.sub(" ", pattern))
    found = _NEVER_SPELLED_LATIN.search(letters)
    return found.group() if found else None


def _never_spelled(pattern: str) -> str | None:
    """A spelling of the pattern (outside [...]) that normalized text never holds, if any."""
    found = _NEVER_SPELLED.search(_CHARACTER_CLASS.sub(" ", pattern))
    return found.group() if found else None
