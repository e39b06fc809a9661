"""New people and organizations the graph does not know yet, typed from gazetteers and
company words; never a sentence-initial word, pronoun, weekday, month or contraction."""

from __future__ import annotations

import re

from ._doc import Doc
from ._model import EntityCandidate
from ._names import guess_type, is_noise
from ._text import NAME, STOP, Sentence, slug, strip_possessive

__all__ = ["RULES"]

_SKIP = {"New Year", "Christmas Day", "Christmas Eve", "Top", "Oscar", "Oscars", "Emmy",
         "Emmys", "Golden Globe", "Golden Globes", "Academy Award", "Academy Awards"}


_NAME = re.compile(rf"(?<![\w@#/.]){NAME}")


def rule_new_names(doc: Doc, s: Sentence) -> None:
    """"Critics at Rotten Tomatoes praised Lena Ortiz": Lena Ortiz, a Person."""
    mask = doc.covered()[s.start:s.end]
    for m in _NAME.finditer(s.text):
        if any(mask[m.start():m.end()]) or re.search(r"\d", m.group(0)):
            continue
        if s.text[m.end():m.end() + 1] in ("/", ".") and "." not in m.group(0) and \
                s.text[m.end() + 1:m.end() + 2].isalpha():
            continue  # part of a web address or handle
        name = strip_possessive(m.group(0))
        words = name.split()
        while words and (words[0] in STOP or words[0].rstrip(".") in STOP):
            words.pop(0)
        if not words or any(w in STOP for w in words):
            continue
        name = " ".join(words)
        if name in _SKIP or is_noise(name):
            continue
        if doc.lookup(name) is not None or name.isupper() or len(name) < 3 \
                or slug(name) in doc.new:
            continue
        type_ = guess_type(name)
        if type_ == "Person" and not 2 <= len(words) <= 3:
            continue
        if len(words) == 1 and type_ == "Person":
            continue
        doc.new[slug(name)] = EntityCandidate(slug(name), type_, name, 0.3,
                                              "capitalized-name", m.group(0))
        doc.names.setdefault(name.lower(), slug(name))
        if type_ == "Person":
            doc.names.setdefault(words[-1].lower(), slug(name))


RULES = [rule_new_names]
