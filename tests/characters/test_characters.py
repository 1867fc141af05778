"""The characters step on passages written for these tests, and on the example story."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartline.pipeline import Pipeline
from heartline.story import Character, Story

SHARED_EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "i-missed-you.txt"


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    return Pipeline(["segment", "characters"])


def read(pipe: Pipeline, text: str) -> Story:
    return pipe(Story(text))


def by_name(story: Story) -> dict[str, Character]:
    return {c.name: c for c in story.characters}


def mentions_of(story: Story, char_id: str) -> list[str]:
    return [story.span_text(m) for m in story.mentions if m.character == char_id]


FAMILY = (
    "Elizabeth Bennet walked into the garden. Elizabeth looked at the roses and smiled.\n\n"
    "Mr. Darcy followed her. Darcy said nothing for a while; he only watched her.\n\n"
    "“Come in, Lizzy,” called her sister from the house. Elizabeth turned.\n\n"
    "Mrs. Bennet wanted her daughters at home. Mrs. Bennet was cross, and she said so.\n\n"
    "They had travelled from London in the spring, and London was still in their talk."
)


def test_aliases_cluster_first_names_diminutives_and_honorifics(pipe: Pipeline) -> None:
    story = read(pipe, FAMILY)
    names = by_name(story)
    assert "Elizabeth Bennet" in names
    liz = names["Elizabeth Bennet"]
    assert {"Elizabeth", "Lizzy"} <= set(liz.aliases)
    darcy = next(c for c in story.characters if "Darcy" in c.name)
    assert "Darcy" in darcy.aliases or darcy.name == "Darcy"
    assert darcy.gender == "he"
    mrs = names["Mrs. Bennet"]
    assert mrs is not liz and mrs.gender == "she"


def test_places_are_not_characters(pipe: Pipeline) -> None:
    story = read(pipe, FAMILY)
    assert not any("London" in c.name for c in story.characters)


def test_ids_are_unique_slugs(pipe: Pipeline) -> None:
    story = read(pipe, FAMILY)
    ids = [c.id for c in story.characters]
    assert len(ids) == len(set(ids))
    assert "elizabeth-bennet" in ids and "mrs-bennet" in ids


def test_pronouns_resolve_by_gender(pipe: Pipeline) -> None:
    story = read(
        pipe,
        "Anna Reyes opened the door. Tom Hale stood outside. He was wet, and she let him in. "
        "Anna handed Tom a towel. Tom thanked her, and Anna smiled.",
    )
    anna = by_name(story)["Anna Reyes"]
    tom = by_name(story)["Tom Hale"]
    assert mentions_of(story, tom.id).count("He") == 1 and "him" in mentions_of(story, tom.id)
    assert "she" in mentions_of(story, anna.id) and "her" in mentions_of(story, anna.id)
    assert all(m.kind in ("name", "nominal", "pronoun") for m in story.mentions)
    assert [m.start for m in story.mentions] == sorted(m.start for m in story.mentions)


def test_a_title_alone_names_its_only_holder(pipe: Pipeline) -> None:
    story = read(
        pipe, "Admiral Croft came in. Admiral Croft was loud. Everyone liked the Admiral. The Admiral laughed at that."
    )
    croft = story.characters[0]
    assert croft.name == "Admiral Croft"
    assert any(m.kind == "nominal" and m.character == croft.id for m in story.mentions)


def test_first_person_narrator_gets_the_narration_i(pipe: Pipeline) -> None:
    text = (
        "I had not seen Holmes for a week. I knocked on his door and waited. "
        * 6
        + "“Come in, Watson,” said Holmes. “Sit down, Watson.” I sat down.\n\n“Well, Watson?” Holmes asked.\n\n"
        "“Nothing, Holmes,” I said."
    )
    story = Pipeline(["segment", "characters", "speakers"])(Story(text))
    narrator = by_name(story)["Watson"]
    i_mentions = [m for m in story.mentions if story.span_text(m) == "I" and m.character == narrator.id]
    assert len(i_mentions) >= 10
    assert story.quotes[-1].speaker == narrator.id


def test_absent_character_is_not_present(pipe: Pipeline) -> None:
    text = (
        "Maya sat by the window. Maya waited.\n\n"
        "“Do you still think of Ruth?” Leo asked. Leo looked away.\n\n"
        "“Every day. Ruth would have loved this,” Maya said.\n\n"
        "“Ruth always did,” Leo said."
    )
    story = read(Pipeline(["segment", "characters", "speakers"]), text)
    names = {c.name: c for c in story.characters}
    assert names["Maya"].present and names["Leo"].present
    assert "Ruth" in names and not names["Ruth"].present


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="the shared example story is not here")
def test_example_story_characters() -> None:
    story = Pipeline(["segment", "characters", "speakers"])(Story(SHARED_EXAMPLE.read_text(encoding="utf-8")))
    names = {c.name: c for c in story.characters}
    assert set(names) == {"Willow", "Buffy", "Tara"}
    assert "Wil" in names["Willow"].aliases
    assert names["Willow"].present and names["Buffy"].present and not names["Tara"].present
    assert names["Willow"].gender == "she" and names["Buffy"].gender == "she"
    assert not any(n in names for n in ("Slayer", "England", "Buffy-sadness"))


def test_regression_a_name_written_twice_is_not_a_longer_name(pipe):
    """A Christmas Carol's "answered to both names ... called Scrooge Scrooge" gave a character "Scrooge Scrooge"."""
    story = read(
        pipe,
        "Ebenezer Tollan kept the shop. People new to the street called Tollan Tollan, and sometimes Mr. "
        "Grey, but Tollan answered to both names.\n\nTollan counted the coins. Tollan said nothing.",
    )
    names = [c.name for c in story.characters]
    assert "Tollan Tollan" not in names
    assert "Ebenezer Tollan" in names


def test_a_surname_that_is_also_a_place_word_is_a_person(pipe):
    """The Invisible Man's landlady, Mrs. Hall, was lost: "hall" was on the list of words that are never names."""
    story = read(
        pipe,
        "The stranger came to the inn in February. Mrs. Hall lit the fire in the hall for him.\n\n"
        "“It is cold out,” said Mrs. Hall.\n\n“It is,” said the stranger.\n\n"
        "Later her husband came home. “Who is he?” said Hall.\n\n“A guest,” said Mrs. Hall. "
        "“Don't you worry,” said Hall, and he went up to Bleak House to see the squire.\n\n"
        "Mrs. Lane and Mr. Church stopped by the Town Hall on their way home.",
    )
    names = {c.name for c in story.characters} | {a for c in story.characters for a in c.aliases}
    assert {"Mrs. Hall", "Hall", "Mrs. Lane", "Mr. Church"} <= names
    assert not {"Bleak House", "Town Hall", "House"} & names
    mrs = by_name(story)["Mrs. Hall"]
    assert "Hall" not in mrs.aliases  # the husband, who speaks as plain "Hall", is someone else


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


def test_an_adverb_opening_sentences_is_not_a_first_name(pipe):
    """The Age of Innocence gave "Happily Archer" (the adverb only ever opens sentences, so it looked like a name)."""
    story = read(
        pipe,
        "Newland Archer came in late. Archer sat down by the fire, and he said nothing.\n\n"
        "Happily Archer had brought a book. Whereas Archer read, May slept. Lest Archer wake her, he kept still.\n\n"
        "Archer smiled. “Good night, May,” said Archer.",
    )
    names = {c.name for c in story.characters} | {a for c in story.characters for a in c.aliases}
    assert "Newland Archer" in names
    assert not {"Happily Archer", "Whereas Archer", "Lest Archer"} & names


def test_miss_and_a_surname_join_the_one_woman_of_that_name(pipe):
    """ "Miss Morland" is Catherine Morland when she is the only Morland woman the story names; "Mrs. Morland"
    stays apart (a mother, more often than not)."""
    story = read(
        pipe,
        "Catherine Morland was seventeen. Catherine Morland loved novels, and she read them all day. "
        "Her brother James Morland was at Oxford; he wrote to her often.\n\n"
        "“Miss Morland, you are reading again,” said her mother. Mrs. Morland shook her head, and she "
        "smiled.\n\nMiss Morland laughed. Miss Morland put the book away, and she went out to the garden.",
    )
    catherine = by_name(story)["Catherine Morland"]
    assert "Miss Morland" in catherine.aliases
    assert "Mrs. Morland" not in catherine.aliases
    james = next(c for c in story.characters if "James" in c.name)
    assert "Miss Morland" not in james.aliases


def test_miss_and_a_surname_is_the_eldest_of_the_sisters(pipe):
    """With "the Miss Wards" in the story, "Miss Ward" is the eldest sister: not the one written "Miss Julia
    Ward", and not the two sisters together."""
    story = read(
        pipe,
        "The Miss Wards came down to breakfast late. Maria Ward was the elder; Maria was tall, and she "
        "was proud. Miss Julia Ward was the younger, and Julia Ward laughed at everything.\n\n"
        "“We shall ride today,” said Miss Ward. Miss Ward looked at her sister, and she smiled.\n\n"
        "“Not I,” said Miss Julia Ward. Julia went back to her book. Miss Ward rang for the horses, "
        "and Miss Ward went out. The Miss Wards rode until noon.",
    )
    julia = by_name(story)["Miss Julia Ward"]
    assert "Miss Ward" not in julia.aliases
    maria = by_name(story)["Maria Ward"]
    assert "Miss Ward" in maria.aliases
    assert not any("Miss Ward" in c.aliases and "Wards" in c.name for c in story.characters)


def test_one_plural_of_miss_and_a_surname_is_a_figure_of_speech(pipe):
    """ "There were two Miss Abbotts" once, of one woman, does not make "Miss Abbott" a sister of Miss
    Caroline Abbott."""
    story = read(
        pipe,
        "Miss Caroline Abbott came into the room. Caroline Abbott was grave, and she sat down.\n\n"
        "“You are late,” said Miss Abbott. Miss Abbott looked at the clock, and she frowned. Philip saw that "
        "there were two Miss Abbotts, the one who scolded and the one who laughed.",
    )
    caroline = next(c for c in story.characters if "Caroline" in c.name)
    assert "Miss Abbott" in caroline.aliases


def test_a_diminutive_with_the_same_title_and_surname_is_one_character(pipe):
    """ "Master Charley Bates" and "Master Charles Bates" are one boy; "Sir Thomas Bertram" and "Tom
    Bertram" (no title) are a father and his son."""
    story = read(
        pipe,
        "Master Charley Bates laughed. “Look at him,” said Master Charley Bates, and he laughed again.\n\n"
        "“Hold your tongue,” said Master Charles Bates a moment later, and he ran off.\n\n"
        "Sir Thomas Bertram came home from Antigua. “Where is my son?” said Sir Thomas Bertram. Tom Bertram "
        "was out riding; Tom Bertram came back at dusk, and he said nothing.",
    )
    charley = next(c for c in story.characters if c.name.endswith("Bates"))
    assert {charley.name, *charley.aliases} >= {"Master Charley Bates", "Master Charles Bates"}
    sir_thomas = next(c for c in story.characters if "Sir Thomas Bertram" in {c.name, *c.aliases})
    assert "Tom Bertram" not in {sir_thomas.name, *sir_thomas.aliases}


def test_a_married_title_with_a_given_name_joins_the_one_woman_of_that_name(pipe):
    """ "Countess Ellen" is Ellen Olenska, the only Ellen with a surname; "Mrs. Welland" still stays apart
    from May Welland (a title with a surname is as often the mother)."""
    story = read(
        pipe,
        "Ellen Olenska came back to New York in the winter. Ellen Olenska was pale, and she was tired.\n\n"
        "“You are welcome here, Countess Ellen,” said the old woman. Countess Ellen smiled, and she sat down.\n\n"
        "May Welland watched her. May Welland was young, and she was kind. Mrs. Welland said that she did "
        "not approve, and Mrs. Welland left the room.",
    )
    ellen = by_name(story)["Ellen Olenska"]
    assert "Countess Ellen" in ellen.aliases
    may = by_name(story)["May Welland"]
    assert "Mrs. Welland" not in may.aliases


def test_an_object_her_does_not_make_a_man_a_woman(pipe):
    """Northanger Abbey's "Henry" (seen by Catherine: "Henry looked at her") came out "she" and apart from
    "Mr. Henry Tilney"."""
    story = read(
        pipe,
        "Mr. Henry Tilney was introduced to Catherine Morland at the ball. Mr. Tilney bowed.\n\n"
        "Henry looked at her. Henry smiled at her and she blushed. Henry told her a story. "
        "Henry gave her his arm, and she took it. Henry shook his head, and he laughed.",
    )
    henry = next(c for c in story.characters if "Henry" in c.name)
    assert henry.gender == "he"
    assert "Henry" in henry.aliases or henry.name == "Henry"
    assert sum("Henry" in c.name or "Henry" in c.aliases for c in story.characters) == 1


def test_a_given_name_tells_the_gender_the_pronouns_do_not(pipe):
    """Howards End's Leonard Bast came out "she": the pronouns after his name were Margaret's."""
    story = read(
        pipe,
        "Leonard Bast waited at the door of the hall. Margaret saw him first, and she waved.\n\n"
        "Leonard bowed. Leonard had lost his umbrella; Helen had it, and she would not give it back.\n\n"
        "Gladys Pryor came in late. Gladys sat down by the window.",
    )

    def gender_of(first: str) -> str | None:
        (c,) = [c for c in story.characters if c.name.startswith(first)]
        return c.gender

    assert gender_of("Leonard") == "he"
    assert gender_of("Gladys") == "she"


def test_two_forms_named_side_by_side_are_two_people(pipe):
    """Howards End: "Mr. Wilcox" joined Charles Wilcox, his son, though the story keeps naming them together."""
    text = "Charles Wilcox came home. Charles was tired, and he sat down. Mr. Wilcox was in the hall.\n\n"
    text += "".join(
        f"Mr. Wilcox looked at Charles {w}. Charles nodded to Mr. Wilcox, and he went on.\n\n"
        for w in ("sternly", "again", "kindly", "at last", "once more")
    )
    story = read(pipe, text)
    charles = by_name(story)["Charles Wilcox"]
    assert "Charles" in charles.aliases
    assert "Mr. Wilcox" not in charles.aliases
    assert any(c.name == "Mr. Wilcox" for c in story.characters)


def test_the_fullest_name_named_side_by_side_with_a_short_one_is_another_man(pipe):
    """Two brothers: "Mr. Ashcombe" is the elder and "Mr. Robert Ashcombe" the younger, as the custom of the
    time had it. "Mr. Ashcombe" fits the younger's full name, which heads the cluster, but the narration names
    them together again and again, so they are two people."""
    text = (
        "Mr. Ashcombe came in from the garden, and Mr. Robert Ashcombe followed his brother.\n\n"
        "Nell watched Mr. Ashcombe and Mr. Robert Ashcombe shake hands.\n\n"
        "“You are late,” said Mr. Robert Ashcombe, and Mr. Ashcombe laughed.\n\n"
        "“I am never late,” said Mr. Ashcombe, while Mr. Robert Ashcombe went to the window.\n\n"
        "Mr. Ashcombe sat down by Nell. Mr. Ashcombe smiled at her, and Mr. Ashcombe spoke again.\n\n"
    )
    story = read(pipe, text)
    names = by_name(story)
    assert "Mr. Ashcombe" in names and "Mr. Robert Ashcombe" in names
    assert "Mr. Ashcombe" not in names["Mr. Robert Ashcombe"].aliases


def test_a_given_name_two_characters_share_is_the_one_just_named(pipe):
    """Sense and Sensibility: "John" fits John Willoughby, named far more often (as "Willoughby"), and John
    Dashwood; every "John" comes just after John Dashwood is named, so it is his."""
    text = "John Willoughby rode up to the cottage. Mrs. Jennings knew John Willoughby well.\n\n" + "".join(
        f"Willoughby {verb} Marianne, and Marianne smiled at Willoughby.\n\n"
        for verb in ("greeted", "praised", "watched", "thanked", "teased", "called on", "wrote to", "left")
    )
    text += (
        "Months later John Dashwood came to town with his wife. John looked about him. John was pleased.\n\n"
        "“Elinor,” said John, “you look well.” John sat down by the fire, and John Dashwood spoke of money.\n\n"
        "John rose at last. John took his hat, and John went home.\n\n"
    )
    names = by_name(read(pipe, text))
    assert "John" in names["John Dashwood"].aliases
    assert "John" not in names["John Willoughby"].aliases


def test_a_diminutive_that_is_no_prefix_joins_its_full_name(pipe):
    """Howards End: Jacky calls Leonard Bast "Len", which is no prefix of his name."""
    text = (
        "Leonard Bast came home late. Leonard sat down, and Jacky looked at him.\n\n"
        "“Len, you are late,” said Jacky. “Len, where have you been?”\n\n"
        "“Out,” said Leonard."
    )
    assert "Len" in by_name(read(pipe, text))["Leonard Bast"].aliases


def test_a_pronoun_with_no_antecedent_near_looks_further_back(pipe):
    """A long speech leaves its speaker more than six sentences behind the "she" that follows it."""
    text = (
        "Mara Quill came to the gate at dusk, and she knocked twice. “Let me in,” said Mara.\n\n"
        "“The road was long. The rain came early. The inn was shut. The horses were tired. The boy was lost. "
        "We waited an hour. Then we walked.”\n\n"
        "She sat down on the step."
    )
    story = read(pipe, text)
    mara = by_name(story)["Mara Quill"]
    assert "She" in mentions_of(story, mara.id)


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


def test_the_old_gentleman_is_not_the_one_called_the_boy(pipe):
    """Oliver Twist: "the old gentleman" went to Oliver, whom the story had called "the boy" again and again."""
    story = read(
        pipe,
        "Mr. Brownlow sat by the fire, and Oliver stood before him. The old gentleman was kind.\n\n"
        "Oliver trembled. The boy looked at the books. The boy was pale, and the boy said nothing.\n\n"
        "Oliver sat down. The old gentleman smiled.",
    )
    old = [m.character for m in story.mentions if story.span_text(m).lower() == "the old gentleman"]
    assert old and all(c == "mr-brownlow" for c in old[1:])


def test_he_in_a_first_person_narration_is_never_the_narrator(pipe):
    """The Mysterious Affair at Styles: Hastings tells the story as "I", so "he said" is Poirot even when
    Hastings was the last man mentioned."""
    text = (
        "I had not seen Poirot for a week. I knocked on his door and waited. "
        * 6
        + "“Come in, Hastings,” said Poirot. “Sit down, Hastings.” I sat down.\n\n"
        "“Well, Hastings?” Poirot asked, and I shook my head.\n\n"
        "He was silent for a minute, but finally he said:\n\n“Then I will tell you.”"
    )
    story = Pipeline(["segment", "characters", "speakers"])(Story(text))
    hastings = by_name(story)["Hastings"]
    poirot = by_name(story)["Poirot"]
    he = [m.character for m in story.mentions if story.span_text(m) == "he"]
    assert he and hastings.id not in he
    assert story.quotes[-1].speaker == poirot.id


def test_doctor_and_dr_are_one_title(pipe):
    """The Invisible Man: "Doctor Kemp" and "Dr. Kemp" are the one Kemp."""
    story = read(
        pipe,
        "Dr. Kemp sat in his study. Kemp was writing, and he did not look up.\n\n"
        "Doctor Kemp put down his pen. Kemp went to the window.",
    )
    kemps = [c for c in story.characters if "Kemp" in c.name]
    assert len(kemps) == 1
    assert {"Dr. Kemp", "Doctor Kemp"} <= {kemps[0].name, *kemps[0].aliases}


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


def test_a_name_the_tagger_takes_for_a_place_is_a_person_when_it_talks(pipe):
    """The Age of Innocence: "the Beaufort house", "the Beaufort ball" made Beaufort look like a place, and
    his 130 mentions and every "said Beaufort" went to nobody."""
    story = Pipeline(["segment", "characters", "speakers"])(
        Story(
            "The Beaufort house was the finest in New York, and the Beaufort carriages were the best. At the "
            "Beaufort ball everyone danced, and the Beaufort conservatory was lit.\n\n"
            "Newland Archer went up the stairs.\n\n“Come in,” said Beaufort.\n\n“Thank you,” Archer said.\n\n"
            "“Champagne?” Beaufort asked.\n\n“No,” said Archer.\n\n“Then dance,” Beaufort snapped."
        )
    )
    assert [c.name for c in story.characters] == ["Beaufort", "Newland Archer"]
    assert [q.speaker for q in story.quotes] == ["beaufort", "newland-archer"] * 2 + ["beaufort"]


def test_old_and_young_mr_x_are_a_father_and_a_son(pipe):
    """A Room with a View: "old Mr. Emerson" and "young Mr. Emerson" are two men; "Mr. Emerson" is the
    father, and George is the son (before, both were George, and the father's 112 lines went to him)."""
    story = read(
        pipe,
        "Old Mr. Emerson sat by the window. George Emerson stood beside him. George was silent.\n\n"
        "Lucy watched old Mr. Emerson. Mr. Emerson smiled at her, and George looked away.\n\n"
        "Young Mr. Emerson said nothing. Mr. Emerson laughed. George frowned.",
    )
    father = by_name(story)["Mr. Emerson"]
    son = by_name(story)["George Emerson"]
    assert "Mr. Emerson" not in son.aliases and "George" in son.aliases
    assert father.id != son.id


KIN = (
    "Mrs. Archer sat at the head of the table. Newland Archer came in late, and Janey Archer looked up.\n\n"
    '"Why Elaine?" said Mrs. Archer.\n\n'
    '"I don\'t know," said Janey.\n\n'
    '"Why not?" broke in her son. "Why shouldn\'t she be seen?"\n\n'
    "Newland looked at his mother, and his mother looked away. Janey smiled at her brother.\n\n"
    "Mr. Jackson glanced at his sister, who was not there.\n"
)


def test_his_mother_and_her_son_are_the_family_member_of_that_surname(pipe):
    """The Age of Innocence: "broke in her son" is Newland Archer, "his mother" Mrs. Archer, "her brother"
    (Janey's) Newland again; "his" and "her" stay mentions of their owners. Mr. Jackson's sister is no one the
    story names, so his "sister" is no mention."""
    story = read(pipe, KIN)
    ids = {c.name: c.id for c in story.characters}
    newland, mother, janey = ids["Newland Archer"], ids["Mrs. Archer"], ids["Janey Archer"]
    nominal = [(story.span_text(m), m.character) for m in story.mentions if m.kind == "nominal"]
    assert nominal == [("son", newland), ("mother", mother), ("mother", mother), ("brother", newland)]
    owners = [(story.span_text(m), m.character) for m in story.mentions if story.span_text(m) in ("his", "her")]
    # the first "her" is whoever salience says (Janey spoke last); her son is Newland either way
    assert owners[1:] == [("his", newland), ("his", newland), ("her", janey), ("his", ids["Mr. Jackson"])]


def test_a_full_name_the_entity_recogniser_doubts_joins_the_character_of_that_name() -> None:
    """Oliver Twist: spaCy tags "flash Toby Crackit" as no person more often than as one, yet "Toby Crackit"
    is "Mr. Toby Crackit" without the title. A doubted single name ("Crackit" alone) still stays out, and a
    doubted full name two characters could bear joins neither."""
    from heartline.characters.names import Cluster, Form, attach_leftovers

    titled = Form("Mr. Toby Crackit", "mr", ("Toby", "Crackit"), person=4.0)
    barney = Form("Barney", None, ("Barney",), person=9.0)
    doubted = Form("Toby Crackit", None, ("Toby", "Crackit"), person=6.0, other=7.0)
    surname = Form("Crackit", None, ("Crackit",), person=1.0, other=3.0)
    toby, other = Cluster([titled], titles={"mr"}), Cluster([barney])
    attach_leftovers([toby, other], [doubted, surname], {})
    assert [f.text for f in toby.forms] == ["Mr. Toby Crackit", "Toby Crackit"]
    assert [f.text for f in other.forms] == ["Barney"]

    twin = Cluster([Form("Dr. Toby Crackit", "dr", ("Toby", "Crackit"), person=4.0)], titles={"dr"})
    again = Form("Toby Crackit", None, ("Toby", "Crackit"), person=6.0, other=7.0)
    attach_leftovers([Cluster([titled], titles={"mr"}), twin], [again], {})
    assert [f.text for f in twin.forms] == ["Dr. Toby Crackit"]


def test_a_doubted_full_name_joins_the_character_known_by_its_given_name() -> None:
    """Anne of Green Gables: spaCy takes "Marilla Cuthbert" for something other than a person, so her three
    full-name mentions were lost, though "Marilla" is a character and "Cuthbert" the surname of "Matthew
    Cuthbert". The full name joins the one character called by its given name alone, and names her; a
    given name two characters bear, or a surname no full name of the story ends in, joins no one."""
    from heartline.characters.names import Cluster, Form, attach_leftovers

    marilla = Cluster([Form("Marilla", None, ("Marilla",), person=25.0, other=4.0)])
    matthew = Cluster([Form("Matthew Cuthbert", None, ("Matthew", "Cuthbert"), person=9.0)])
    doubted = Form("Marilla Cuthbert", None, ("Marilla", "Cuthbert"), person=1.5, other=3.5)
    attach_leftovers([marilla, matthew], [doubted], {})
    assert [f.text for f in marilla.forms] == ["Marilla", "Marilla Cuthbert"]
    assert marilla.best_name() == "Marilla Cuthbert"
    assert [f.text for f in matthew.forms] == ["Matthew Cuthbert"]

    two = [Cluster([Form("Marilla", None, ("Marilla",), person=9.0)]) for _ in range(2)]
    attach_leftovers([*two, matthew], [doubted], {})
    assert all(len(c.forms) == 1 for c in two)
    street = Form("Marilla Street", None, ("Marilla", "Street"), person=0.0, other=3.0)
    attach_leftovers([marilla, matthew], [street], {})
    assert "Marilla Street" not in [f.text for f in marilla.forms]


def test_a_diminutive_with_the_full_surname_joins_without_evidence_of_its_own() -> None:
    """The Age of Innocence: "it's Larry Lefferts", once, with no tag or entity label either way, is
    "Lawrence Lefferts". A diminutive alone with no evidence ("Larry") still joins no one."""
    from heartline.characters.names import Cluster, Form, attach_leftovers

    lawrence = Cluster([Form("Lawrence Lefferts", None, ("Lawrence", "Lefferts"), person=7.0)])
    attach_leftovers(
        [lawrence], [Form("Larry", None, ("Larry",)), Form("Larry Lefferts", None, ("Larry", "Lefferts"))], {}
    )
    assert [f.text for f in lawrence.forms] == ["Lawrence Lefferts", "Larry Lefferts"]


def test_a_name_in_capitals_is_a_mention_unless_its_word_is_also_a_common_word(pipe):
    """LitBank's Dracula and Dear Enemy: "JONATHAN HARKER'S JOURNAL" and "Yours, SALLIE McBRIDE" were not
    mentions, since a word in capitals is never a name word. A run in capitals that spells a name of the story
    is one now, unless one of its words is written in lower case somewhere ("I MAY not": "may" is a verb
    here, though May is a character)."""
    story = read(
        pipe,
        "TOM HARDING'S LETTER\n\nTom Harding wrote to his sister. Tom Harding said he would come home soon. "
        "“I am coming,” said Tom Harding.\n\nThen May came in. He smiled at May, and May smiled back. "
        "Everyone liked May. “You may stay,” said May.\n\n“I MAY not,” said Tom Harding to May.\n\n"
        "Yours ever, TOM HARDING.",
    )
    tom, may = by_name(story)["Tom Harding"], by_name(story)["May"]
    assert mentions_of(story, tom.id).count("TOM HARDING") == 2
    assert "MAY" not in mentions_of(story, may.id)


def test_a_pronoun_before_any_name_means_the_first_of_its_gender_named_soon_after(pipe):
    """The Picture of Dorian Gray and Night and Day open with a pronoun and name its owner after it: "From
    the corner of the divan on which he was lying ... Lord Henry Wotton could just catch"; "young ladies of her
    class, Katharine Hilbery was pouring out tea". Such pronouns were left to no one."""
    story = read(
        pipe,
        "From the corner of the divan on which he was lying, smoking cigarettes, Lord Henry Wotton could just "
        "catch the gleam of the blossoms. Lord Henry Wotton smiled.\n\n"
        "In common with many other young ladies of her class, Katharine Hilbery was pouring out tea. "
        "Katharine Hilbery was tired.",
    )
    names = by_name(story)
    harry, katharine = names["Lord Henry Wotton"], names["Katharine Hilbery"]
    assert mentions_of(story, harry.id)[0] == "he"
    assert mentions_of(story, katharine.id)[0] == "her"


def test_you_in_a_letter_is_the_one_it_is_written_to(pipe):
    """Howards End and Dear Enemy: "Dearest Meg, ... I inflict all this on you" is Helen writing to Margaret,
    and "you" in the letter's narration is Meg, until the letter closes ("Your affectionate Helen"). Before,
    "you" outside quotes was no one's. After the letter, "you" is no one's again."""
    story = read(
        pipe,
        "Helen wrote to her sister from the country. Meg was in London with Aunt Juley.\n\n"
        "Dearest Meg,\n\nIt is not going to be what we expected. I inflict all this on you because you once "
        "said that life is sometimes life. Thank you for your letter.\n\nYours affectionately, Helen\n\n"
        "Meg read it twice. If you had seen her face, you would have laughed.",
    )
    meg = by_name(story)["Meg"]
    yous = [m for m in story.mentions if story.span_text(m).lower() in ("you", "your")]
    assert [m.character for m in yous[:4]] == [meg.id] * 4
    assert all(m.start < story.text.index("Yours affectionately") for m in yous)


def test_a_married_woman_s_own_name_joins_her_titled_name(pipe):
    """Anne of Green Gables: "Mrs. Rachel Lynde", "Rachel Lynde" and "Rachel" were two characters, since a
    name without "Mrs." never joined one with it (to keep "Charles Musgrove" from "Mrs Charles Musgrove").
    Her own given name, a woman's, joins; the husband's name still does not."""
    story = read(
        pipe,
        "Mrs. Rachel Lynde lived where the road dipped down. Mrs. Rachel Lynde saw everything that passed.\n\n"
        "“Good evening,” said Mrs. Rachel Lynde.\n\nRachel Lynde was a capable woman. Rachel Lynde said so "
        "herself.\n\n“Well, Rachel,” said Marilla.\n\n"
        "Mrs Charles Musgrove came in. “Where is Charles?” said Mrs Charles Musgrove. Charles Musgrove was out "
        "shooting. Charles Musgrove said he would be back by dinner. “Soon,” said Charles Musgrove.",
    )
    names = by_name(story)
    rachel = names["Mrs. Rachel Lynde"]
    assert "Rachel Lynde" in rachel.aliases
    assert "Rachel Lynde" not in names
    assert "Charles Musgrove" in names and "Mrs Charles Musgrove" in names


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


def test_common_given_names_tell_a_gender(pipe):
    """With no he or she of their own, a character's gender comes from a given name the lists know."""
    text = (
        "Carol and Ben met at the gate. Carol laughed. Ben waved.\n\n“You are late,” said Carol.\n\n“I know,” said Ben."
    )
    genders = {c.name: c.gender for c in read(pipe, text).characters}
    assert genders == {"Carol": "she", "Ben": "he"}


def test_a_bare_title_long_before_its_bearer_is_named_is_someone_else(pipe):
    """Oliver Twist: the doctor at Mr. Brownlow's, hundreds of sentences before Mr. Losberne ("known ... round as
    'the doctor'") is first named, is another doctor; all of "the doctor" went to Losberne. A title used all
    along before the name (The Gambler's General, from the first page) still names its bearer."""
    filler = "The days went by in the quiet house, and nothing happened there.\n\n" * 330
    general = "".join(
        f"“It is {hour} o'clock,” said the General.\n\n" + "The clocks of the town struck the hour.\n\n" * 150
        for hour in ("one", "two")
    )
    story = read(
        pipe,
        "Oliver Twist lay in bed.\n\n“You feel sleepy, don't you, my dear?” said the doctor.\n\n"
        "“No, sir,” replied Oliver.\n\n"
        + filler
        + "Mr. Losberne came in at last. “Well,” said the doctor, “who is ill?” Doctor Losberne sat down.\n\n"
        + general
        + "General Perovski went out. “Good night,” said the General.",
    )
    names = by_name(story)
    early = names["the doctor"]
    assert mentions_of(story, early.id) == ["the doctor"]
    assert mentions_of(story, names["Doctor Losberne"].id).count("the doctor") == 1
    assert mentions_of(story, names["General Perovski"].id).count("the General") == 3


def test_a_full_name_once_beside_its_given_name_is_the_character_s_name(pipe):
    """A short story names its heroine in full once, in an object ("sat with Catherine Morland"), and calls her
    "Catherine" after: her name is the full one. A name whose last word the story also writes in lower case
    ("Mansfield Parsonage", "the parsonage") is a place, not Mansfield's full name."""
    story = read(
        pipe,
        "Mr. Allen and Mrs. Allen sat with Catherine Morland. Catherine sighed, and Mrs. Allen smiled.\n\n"
        "Catherine looked at the rain. Mansfield came in. Mansfield laughed, and went out. "
        + "They walked to Mansfield Parsonage in the rain. " * 5
        + "The parsonage was warm.",
    )
    names = by_name(story)
    assert "Catherine" in names["Catherine Morland"].aliases
    assert "Mansfield" in names and "Mansfield Parsonage" not in names
