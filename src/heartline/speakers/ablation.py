"""Switching the speakers step's rules off one at a time, to measure what each is worth.

Every rule of :mod:`.rules` (and the ranker's vocative filter and the described-character fold) that is not
the core of the step (a named tag, a pronoun tag, turn-taking) is looked up here by name before it fires.
``scripts/ablate_speakers.py`` switches them off one by one on the development novels and keeps a rule only
if it pays its way there (docs/characters.md, "Rules of the speakers step, one by one"). In use
:data:`DISABLED` is empty and every rule fires.
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
    "inverted_verb": "any verb inverted right after a quote before a name ('comforted Matthew')",
    "aside": "the name before an aside set off by commas ('Lady Narborough, looking at the clock, exclaimed')",
    "relative_who": "the one a relative clause is about ('Isabella, who in great spirits exclaimed')",
    "verb_follows": "a name right before a verb of its own ('Katharine collected herself and asked')",
    "parse_far": "the dependency parse of a speech verb's sentence when the words find no subject",
    "to_verb": "a verb phrase ending in 'to say' ('had only time to say')",
    "kin_after": "'broke in her son': the kin word after his/her",
    "narrator_tag": "'I said' in a first-person story's narration: the narrator, as sure as a tag with a name",
    "described_as_pronoun": "'said the girl': a description any one of a gender fits, weighed as a pronoun",
    # which narration next to a quote is its tag
    "lead_in": "a tag ending the paragraph before ('Captain Wentworth said--' then the quote)",
    "nearest_verb_first": "a tag right before the quote, read before the one after it",
    # names inside a quote
    "absent_not_vocative": "a name of someone not present is talked about, not to",
    # decisions
    "action_speaker": "with no tag, the named subject of the paragraph's narration speaks",
    "same_paragraph_continues": "a quote in the same paragraph as the last one goes on with its speaker",
    "pronoun_outsider": "'she said' in a conversation means one of its speakers",
    "action_pronoun_candidate": "the one the paragraph's subject pronoun is resolved to",
    "next_known": "backward turn-taking: the speaker two quotes on",
    "narration_before": "the characters named in the narration just before",
    "new_paragraph_new_speaker": "a new paragraph of dialogue right after another is a new speaker",
    "named_last": "characters named inside the quote are tried last",
    "backward_pass": "a backward pass for quotes still without a speaker",
    "vocative_filter": "the ranker leaves out the characters the quote calls by name",
    "described_by_name": "a described character the others call by one name is that character",
}

# rules switched off (scripts/ablate_speakers.py only; empty in use)
DISABLED: set[str] = set()


def enabled(rule: str) -> bool:
    """The rule named ``rule`` (a key of :data:`RULES`) fires."""
    return rule not in DISABLED
