"""Members of one family share a surname and stay apart unless the text links them
(heartline.characters.names: mark_apart, split_head_of_family, miss_joins_her_given_name, _compatible).
The families and their stories are invented for these tests."""

from __future__ import annotations

from heartline.pipeline import Pipeline
from heartline.story import Character, Story

from .conftest import by_name, mentions_of, read


def _holding(story: Story, alias: str) -> list[Character]:
    return [c for c in story.characters if c.name == alias or alias in c.aliases]


TALK = (
    "Mr. Pembury was an old man who loved his house and his dinners. He seldom went out.\n\n"
    "“It is very cold,” said Mr. Pembury. “Nobody should walk today.”\n\n"
    "Clara Pembury laughed at her father. She was twenty and went out every day.\n\n"
    "“I shall walk to the village,” said Clara. “The air will do me good.”\n\n"
    "Mr. Arthur Pembury came in from the garden. He was a lawyer in town.\n\n"
    "“You are both wrong,” said Mr. Arthur Pembury. “It will rain.”\n\n"
    "“Arthur, you always say so,” said Mr. Pembury.\n\n"
    "Miss Pembury smiled and took her bonnet. She kissed her father.\n\n"
    "“Good-bye, papa,” said Miss Pembury.\n\n"
    "“Take care, Clara,” said Mr. Arthur Pembury.\n\n"
    "Mr. Pembury sighed. He sat by the fire. Mr. Arthur Pembury read his letters.\n\n"
    "“The post is late,” said Mr. Arthur Pembury.\n\n"
    "“It always is,” said Mr. Pembury.\n\n"
    "Clara walked to the village. She met Mrs. Gowan at the shop.\n\n"
    "“Miss Pembury, how do you do?” said Mrs. Gowan.\n\n"
    "“Very well,” said Clara. “My father is cross with the weather.”\n\n"
    "“Mr. Pembury is always cross,” said Mrs. Gowan. She laughed.\n\n"
)


def test_two_men_who_talk_to_each_other_are_two_people(pipe: Pipeline) -> None:
    # "“Arthur, ...” said Mr. Pembury": nobody calls himself by name, so "Mr. Pembury" (the father) is not
    # "Mr. Arthur Pembury" (his brother), though the surname and the title fit
    story = read(pipe, TALK)
    arthur = _holding(story, "Mr. Arthur Pembury")
    father = _holding(story, "Mr. Pembury")
    assert len(arthur) == 1 and len(father) == 1
    assert arthur[0] is not father[0]
    assert "Arthur" in arthur[0].aliases
    assert father[0].gender == "he"


def test_a_daughter_is_not_her_father_and_miss_is_the_daughter(pipe: Pipeline) -> None:
    story = read(pipe, TALK)
    clara = by_name(story)["Clara Pembury"]
    assert {"Clara", "Miss Pembury"} <= set(clara.aliases)
    assert "Mr. Pembury" not in clara.aliases and clara.gender == "she"
    assert "Mrs. Gowan" in by_name(story)


BROTHERS = (
    "Mr. Holcroft and Mr. John Holcroft came to dinner on Tuesday. Mr. Holcroft was the elder.\n\n"
    "“The roads are bad,” said Mr. Holcroft.\n\n"
    "“They were worse last year,” said Mr. John Holcroft.\n\n"
    "Mr. John Holcroft lived in town. Mr. John Holcroft had five children.\n\n"
    "“You should come more often,” said Mr. Holcroft.\n\n"
    "Mr. Holcroft looked at the fire, and Mr. John Holcroft looked at his watch.\n\n"
    "“I must go,” said Mr. John Holcroft. He rose.\n\n"
    "Mr. Holcroft walked with him to the door. Mr. Holcroft was sorry to see him go.\n\n"
    "“Good night,” said Mr. Holcroft.\n\n"
)


def test_two_men_named_together_twice_are_two_people(pipe: Pipeline) -> None:
    # the elder brother is "Mr. Holcroft", the younger "Mr. John Holcroft", as the custom of the time had it;
    # a sentence that names both, twice over, tells the reader they are two
    story = read(pipe, BROTHERS)
    john = _holding(story, "Mr. John Holcroft")
    elder = _holding(story, "Mr. Holcroft")
    assert len(john) == 1 and len(elder) == 1 and john[0] is not elder[0]


INTRODUCED = (
    "Mr. Thomas Holcroft, whom the village knew as Mr. Holcroft, kept the inn. He was a widower.\n\n"
    "“More ale?” said Mr. Holcroft.\n\n"
    "Mr. Holcroft filled the cups. Mr. Holcroft was a kind man, and he laughed often.\n\n"
    "“Thank you,” said the carter.\n\n"
    "“Mind the step,” said Mr. Thomas Holcroft as the carter left.\n\n"
    "Mr. Holcroft shut the door.\n\n"
)


def test_a_man_introduced_by_his_full_name_stays_one(pipe: Pipeline) -> None:
    # named together once, as an introduction: one man
    story = read(pipe, INTRODUCED)
    assert len(_holding(story, "Mr. Holcroft")) == 1
    assert _holding(story, "Mr. Holcroft") == _holding(story, "Mr. Thomas Holcroft")


SISTER = (
    "Eleanor came down to breakfast late. Eleanor was eighteen, and she was the only daughter.\n\n"
    "“Good morning, Eleanor,” said Mrs. Fenwick.\n\n"
    "Miss Fenwick smiled. Miss Fenwick poured the tea, and she passed the toast.\n\n"
    "“I slept badly,” said Miss Fenwick.\n\n"
    "Her name was Eleanor Fenwick, and she had lived at the mill all her life.\n\n"
    "“Are you ill?” asked Mrs. Fenwick. She looked at her daughter.\n\n"
    "“No, mamma,” said Eleanor. She laughed. Eleanor ate her toast.\n\n"
    "Miss Fenwick went out to the garden after breakfast.\n\n"
)


def test_miss_and_a_surname_joins_the_one_daughter_of_that_name(pipe: Pipeline) -> None:
    story = read(pipe, SISTER)
    eleanor = _holding(story, "Eleanor")
    assert len(eleanor) == 1
    assert eleanor[0] in _holding(story, "Miss Fenwick")
    assert eleanor[0] not in _holding(story, "Mrs. Fenwick")


TWO_SISTERS = SISTER + (
    "Her sister was Sophia Fenwick, who lived with an aunt. Sophia wrote every week, and she wrote well.\n\n"
    "“Sophia is coming home,” said Eleanor.\n\n"
)


def test_miss_and_a_surname_stays_apart_when_two_daughters_fit(pipe: Pipeline) -> None:
    # split rather than merge when unsure: either sister may be "Miss Fenwick"
    story = read(pipe, TWO_SISTERS)
    miss = _holding(story, "Miss Fenwick")
    assert miss and all(c not in _holding(story, "Sophia") for c in miss)
    assert all(c not in _holding(story, "Eleanor") for c in miss)


def test_titles_are_hard_constraints(pipe: Pipeline) -> None:
    # "Mrs. Fenwick" is never the daughter, nor "Mr. Pembury" the daughter: a married title and a man's title
    # do not join a woman's given name with that surname
    story = read(pipe, TALK + SISTER)
    for alias in ("Mrs. Fenwick", "Mr. Pembury", "Mr. Arthur Pembury"):
        for c in _holding(story, alias):
            assert c.gender != "she" or alias.startswith("Mrs")
            assert not {"Eleanor", "Clara"} & set(c.aliases)


def test_my_boy_in_a_short_text_is_someone_and_the_he_after_it(pipe):
    text = "Twice my boy has asked her to marry him, for he loves her devotedly. Now, Mr. Holmes, you know all."
    story = read(pipe, text)
    cast = by_name(story)
    assert "my boy" in cast and cast["my boy"].gender == "he"
    he = text.index("he loves")
    assert [m.character for m in story.mentions if m.start == he] == [cast["my boy"].id]


def test_her_mother_is_the_one_elder_a_translation_names_with_a_patronymic(pipe):
    text = (
        "Dounia sat by the window. It was the cause of great uneasiness to Dounia; she thought her mother "
        "suspected something. "
        "Once or twice Pulcheria Alexandrovna spoke of Rodya, and then was silent for a long time."
    )
    story = read(pipe, text)
    cast = by_name(story)
    mother = text.index("mother")
    assert [m.character for m in story.mentions if m.start == mother] == [cast["Pulcheria Alexandrovna"].id]
    assert "her mother" not in cast


def test_a_parent_a_quote_calls_by_the_kin_word_as_by_a_name_is_a_character(pipe):
    story = read(pipe, "“I told Mother everything,” said Anne. “Mother was very angry with me, and Papa laughed.”")
    people = by_name(story)
    assert people["Mother"].gender == "she" and people["Papa"].gender == "he"
    assert mentions_of(story, people["Mother"].id) == ["Mother", "Mother"]


def test_a_parent_called_by_the_kin_word_or_a_priest_is_no_character_of_that_name(pipe):
    story = read(pipe, "“Oh, Mamma, do come,” said Anne. “Yes, Father,” said Tom. “Father Brown will come,” said Anne.")
    assert not {"Mamma", "Father"} & set(by_name(story))
