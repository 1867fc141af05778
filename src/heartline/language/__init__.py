"""The ground floor for language, under every step: what English words and spaCy give, in one place.

    nlp.py       the spaCy pipeline, loaded once; the docs of a story's paragraphs; a parse of some texts
    tokens.py    the flat token table the characters and speakers steps walk
    lexicon.py   the word lists (pronouns, titles, speech verbs, given names, words that are never names...)
    valence.py   the 28 emotion labels and how pleasant each is, and the one weighted mean of valence
    data/        the lists and tables that are data, one per file

Nothing here imports a step; the steps import from here. Importing this package loads nothing heavy
(spaCy loads on the first :func:`~heartline.language.nlp.get_nlp`).
"""

from __future__ import annotations

__all__: list[str] = []
