"""Descriptions (heartline.characters.nominals): "said the old gentleman", and what only ends like a person."""

from __future__ import annotations

from heartline.pipeline import Pipeline
from heartline.story import Story

from .conftest import by_name, mentions_of, read


def test_a_bare_name_joins_the_capitalised_description_it_ends(pipe):
    """Alice's "the March Hare" is also plain "Hare"; the two were two characters."""
    story = read(
        pipe,
        "“Have some wine,” the March Hare said in an encouraging tone.\n\n"
        "“I don't see any wine,” said Alice.\n\n“There isn't any,” said the March Hare.\n\n"
        "“Then it wasn't very civil of you to offer it,” said Alice angrily.\n\n"
        "Hare only laughed. “Your hair wants cutting,” said Hare.",
    )
    hares = [c for c in story.characters if "Hare" in c.name or "Hare" in c.aliases]
    assert len(hares) == 1
    assert hares[0].name == "the March Hare"
    assert {"March Hare", "Hare"} <= set(hares[0].aliases)


def test_things_ending_like_people_are_not_speakers(pipe):
    """Mansfield Park gave a character "the present" (-ent, like "the student"); Night and Day "the argument"."""
    story = read(
        pipe,
        "“Enough for the present,” said Mary. “We shall see.”\n\n"
        "“The argument goes,” said the student, “that the present said nothing.”\n\n"
        "“Quite so,” the present said, and the argument replied nothing at all.",
    )
    names = {c.name for c in story.characters}
    assert "the student" in names
    assert not {"the present", "the argument"} & names


def test_words_that_end_like_people_but_are_not_are_no_descriptions(pipe):
    """Oliver Twist gave "the interest lay rather" and "the amount into her" (-er, like "the farmer"), The Age of
    Innocence "the butler never", Mansfield Park "the selfishness" (-ess, like "the hostess")."""
    story = read(
        pipe,
        "“You are late,” said Mary. The butler came in.\n\n"
        "“I am,” the butler never said, and the interest lay rather said nothing.\n\n"
        "“All mine,” said the selfishness. “Yours,” answered the louder.\n\n"
        "“Tea,” said the farmer.",
    )
    names = {c.name for c in story.characters}
    assert "the farmer" in names
    assert not {"the butler never", "the interest lay rather", "the selfishness", "the louder"} & names


def test_a_ship_s_mate_a_chief_and_a_thief_are_people(pipe):
    story = read(pipe, "The captain hated the new mate from the first day. The chief glared at the thief.")
    names = {c.name for c in story.characters}
    assert {"the captain", "the new mate", "the chief", "the thief"} <= names


def test_a_comparative_after_the_is_no_description(pipe):
    """ "His task was the harder because ..." made a character "the harder" (-er, like "the farmer")."""
    story = read(
        pipe,
        "His task was the harder because Tom had to keep his mother. The way was the shorter for it. "
        "The stranger smiled, and the elder of the two sat down.",
    )
    names = {c.name for c in story.characters}
    assert {"Tom", "the stranger"} <= names
    assert not {"the harder", "the shorter"} & names


def test_a_description_that_is_a_title_names_its_bearer(pipe):
    """Northanger Abbey: "said the general" is General Tilney, not a new character "the general"."""
    story = read(
        pipe,
        "General Tilney came down to breakfast. General Tilney was in a bad temper, and he frowned.\n\n"
        "“The eggs are cold,” said the general.\n\n“They are,” said Eleanor.\n\n“Send them back,” said the general.",
    )
    assert not any(c.name == "the general" for c in story.characters)
    tilney = by_name(story)["General Tilney"]
    assert sum(m.kind == "nominal" and m.character == tilney.id for m in story.mentions) == 2


def test_a_description_is_a_mention_before_a_verb_and_a_lower_case_word(pipe):
    """Alice: "The Dormouse shook its head" and "said the Invisible Man many times over" both mention the
    character; before, a lower-case word after the description hid it ("the man servant" is not "the man")."""
    story = read(
        pipe,
        "Alice sat at the table with the Hatter and the Dormouse. Alice was tired.\n\n"
        "“Tea?” said the Dormouse.\n\n“No,” said Alice.\n\n“More tea,” said the Dormouse.\n\n"
        "The Dormouse shook its head.\n\n“Fool,” said the Invisible Man.\n\n“Who?” said the Invisible Man.\n\n"
        "“You,” said the Invisible Man many times over.",
    )
    dormouse = by_name(story)["the Dormouse"]
    man = by_name(story)["the Invisible Man"]
    said = [story.span_text(m) for m in story.mentions if m.character == dormouse.id]
    assert said == ["the Dormouse", "the Dormouse", "the Dormouse", "The Dormouse"]
    assert sum(m.character == man.id for m in story.mentions) == 3


def test_a_description_can_end_in_what_tells_one_man_from_another(pipe):
    """The Invisible Man, Oliver Twist: "said the man with the black beard" is one character; "said the
    Jew in a whisper" is still the Jew, and "said the motionless Syme" is Syme."""
    story = Pipeline(["segment", "characters", "speakers"])(
        Story(
            "The men stood at the bar. Gabriel Syme sat alone by the window.\n\n"
            "“Tea?” said the man with the black beard.\n\n“No,” said the barman.\n\n"
            "“More tea,” said the man with the black beard, and he laughed.\n\n"
            "“Quiet,” said the barman in a whisper.\n\n“Why?” said the motionless Syme."
        )
    )
    names = [c.name for c in story.characters]
    assert "the man with the black beard" in names
    assert not any(" in a " in n or "motionless" in n for n in names)
    speakers = [story.character(q.speaker).name if q.speaker else None for q in story.quotes]
    assert speakers == [
        "the man with the black beard",
        "the barman",
        "the man with the black beard",
        "the barman",
        "Gabriel Syme",
    ]


def test_a_titled_name_that_ends_a_description_is_that_character(pipe):
    """Sense and Sensibility: "said the Miss Steeles" makes a character of the two sisters, and "Miss Steeles"
    without "the" is the same pair, not a second character of that name."""
    text = (
        "Lucy Steele came to Barton with her sister, and Elinor met the Miss Steeles at the park.\n\n"
        '"We are so glad to be here," said the Miss Steeles.\n\n'
        "Sir John had found Miss Steeles at Exeter. Everybody liked Miss Steeles.\n\n"
        '"How charming," said Lucy.\n'
    )
    story = read(pipe, text)
    steeles = [c for c in story.characters if "Steeles" in c.name]
    assert [(c.name, c.aliases, c.mentions) for c in steeles] == [("the Miss Steeles", ["Miss Steeles"], 4)]


def test_a_description_by_a_passing_state_is_the_one_of_the_scene(pipe):
    """ "cried the delighted boy" is Albert, the boy of the scene: a feeling is no description of its own."""
    story = read(
        pipe,
        "“Glad you like it, Albert,” replied Tuppence modestly. “Am I your cousin?”\n\n"
        "“Your voice too,” cried the delighted boy. “It’s as English as anything!”\n",
    )
    albert = by_name(story)["Albert"]
    assert "the delighted boy" in mentions_of(story, albert.id)
    assert not any("delighted" in c.name for c in story.characters)
