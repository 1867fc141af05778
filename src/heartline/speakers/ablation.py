"""Switching the speakers step's rules off one at a time, to measure what each is worth.

Every rule of :mod:`.rules` that is not the core of the step (a named tag, a pronoun tag, turn-taking) is
looked up here by name before it fires. ``scripts/ablate_speakers.py`` switches them off one by one on the
development novels; a rule stays only if it pays its way there (docs/characters.md, "The speakers step's
rules, one by one"). In use :data:`DISABLED` is empty and every rule fires.
"""

from __future__ import annotations

__all__ = ["DISABLED", "RULES", "enabled"]

# name -> what the rule does (the ablation script lists and switches these)
RULES: dict[str, str] = {
    # speech tags: where the speaker of a tag is found
    "voice_tag": "a name's voice with no speech verb in the narration ('came Tibby's voice')",
    "speech_noun_owner": "a speech noun with an owner ('was Mrs Smith's reply')",
    "speech_noun_pronoun": "a speech noun with his/her ('was her answer')",
    "speech_noun_of": "a speech noun with 'of' and a name ('an exclamation of Catherine's')",
    "phrasal_verb": "a verb and particle no list holds as one verb ('put in Cynthia', 'burst from William')",
    "aside": "the name before an aside set off by commas ('Lady Narborough, looking at the clock, exclaimed')",
    "relative_who": "the one a relative clause is about ('Isabella, who in great spirits exclaimed')",
    "parse_far": "the dependency parse of a speech verb's sentence when the words find no subject",
    "described_as_pronoun": "'said the girl': a description any one of a gender fits, weighed as a pronoun",
    # which narration next to a quote is its tag
    "lead_in": "a tag ending the paragraph before ('Captain Wentworth said--' then the quote)",
    "nearest_verb_first": "a tag right before the quote, read before the one after it",
    # names inside a quote
    "absent_not_vocative": "a name of someone not present (no tag, no act in the narration) is talked about",
    # decisions
    "action_speaker": "with no tag, the named subject of the paragraph's narration speaks",
    "same_paragraph_continues": "a quote in the same paragraph as the last one goes on with its speaker",
    "pronoun_outsider": "'she said' in a conversation means one of its speakers",
    "named_last": "characters named inside the quote are tried last",
    "backward_pass": "a backward pass for quotes still without a speaker",
}

# rules switched off (scripts/ablate_speakers.py only; empty in use)
DISABLED: set[str] = set()


def enabled(rule: str) -> bool:
    """The rule named ``rule`` (a key of :data:`RULES`) fires."""
    return rule not in DISABLED
