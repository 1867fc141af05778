"""Pronouns and genders (heartline.characters.resolve): the salience walk, kin words, letters, narrators."""

from __future__ import annotations

from heartline.pipeline import Pipeline
from heartline.story import Story

from .conftest import by_name, mentions_of, read

KIN = (
    "Mrs. Archer sat at the head of the table. Newland Archer came in late, and Janey Archer looked up.\n\n"
    '"Why Elaine?" said Mrs. Archer.\n\n'
    '"I don\'t know," said Janey.\n\n'
    '"Why not?" broke in her son. "Why shouldn\'t she be seen?"\n\n'
    "Newland looked at his mother, and his mother looked away. Janey smiled at her brother.\n\n"
    "Mr. Jackson glanced at his sister, who was not there.\n"
)


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


def test_his_mother_and_her_son_are_the_family_member_of_that_surname(pipe):
    """The Age of Innocence: "broke in her son" is Newland Archer, "his mother" Mrs. Archer, "her brother"
    (Janey's) Newland again; "his" and "her" stay mentions of their owners. Mr. Jackson's sister is no one the
    story names: in a text this short she is a character of her own, "his sister", unnamed."""
    story = read(pipe, KIN)
    ids = {c.name: c.id for c in story.characters}
    newland, mother, janey = ids["Newland Archer"], ids["Mrs. Archer"], ids["Janey Archer"]
    nominal = [(story.span_text(m), m.character) for m in story.mentions if m.kind == "nominal"]
    assert nominal == [
        ("son", newland),
        ("mother", mother),
        ("mother", mother),
        ("brother", newland),
        ("sister", ids["his sister"]),
    ]
    assert by_name(story)["his sister"].unnamed and by_name(story)["his sister"].gender == "she"
    owners = [(story.span_text(m), m.character) for m in story.mentions if story.span_text(m) in ("his", "her")]
    # the first "her" is whoever salience says (Janey spoke last); her son is Newland either way
    assert owners[1:] == [("his", newland), ("his", newland), ("her", janey), ("his", ids["Mr. Jackson"])]


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


def test_common_given_names_tell_a_gender(pipe):
    """With no he or she of their own, a character's gender comes from a given name the lists know."""
    text = (
        "Carol and Ben met at the gate. Carol laughed. Ben waved.\n\n“You are late,” said Carol.\n\n“I know,” said Ben."
    )
    genders = {c.name: c.gender for c in read(pipe, text).characters}
    assert genders == {"Carol": "she", "Ben": "he"}


def test_her_sister_in_a_passage_is_the_one_named_woman_she_can_be(pipe):
    """No surname places "her sister" or "his mother": in a passage they are the one named person of the
    word's gender (a Mrs. or Madame for a parent), not a character of their own."""
    story = read(
        pipe,
        "Helen and Margaret walked home from the station. Helen disapproved of her sister's methods. "
        "Madame Lebrun laughed at the table, and Victor thanked his mother for her wish.",
    )
    ids = {c.name: c.id for c in story.characters}
    nominal = {story.span_text(m): m.character for m in story.mentions if m.kind == "nominal"}
    assert nominal == {"sister": ids["Margaret"], "mother": ids["Madame Lebrun"]}


def test_her_sister_stays_her_own_when_two_women_could_be_her(pipe):
    story = read(pipe, "Helen, Margaret and Tibby came in. Helen spoke of Evie. She thought of her sister.")
    assert "her sister" in {c.name for c in story.characters}


def test_in_a_passage_he_before_any_man_is_named_is_the_first_name_of_untold_gender_after_it(pipe):
    """A passage may open on "him" and name him only at its end, by a surname no list gives a gender to."""
    story = read(
        pipe,
        '"In what sense are you my inferior?" Katharine asked, looking at him gravely. The look gave him great '
        "pleasure. She was obliged to stop and answer some one. Denham had the mortification of seeing Katharine "
        "helped by Rodney.",
    )
    ids = {c.name: c.id for c in story.characters}
    assert set(mentions_of(story, ids["Denham"])) >= {"him", "Denham"}
    assert "he" not in ids


def test_a_child_described_is_not_a_married_woman(pipe):
    """ "the little girl" beside Mrs. Grose is someone else: a Mrs. is no child."""
    story = read(
        pipe,
        "He had placed at the head of the house an excellent woman, Mrs. Grose. She was now housekeeper "
        "and was also acting as superintendent to the little girl, of whom she was extremely fond.",
    )
    grose = by_name(story)["Mrs. Grose"]
    assert "the little girl" not in mentions_of(story, grose.id)


def test_him_in_a_clause_of_its_own_may_be_the_sentence_subject(pipe):
    # "Anne saw him" keeps "him" from Anne; a relative clause ("all that was told him") does not
    text = (
        "Paul Brand told a long story about the war. "
        "Listening to Paul's stories, Peter Holt followed all that was told him, and he smiled. "
        "Paul Brand laughed and saw him smile."
    )
    story = read(pipe, text)
    peter, paul = by_name(story)["Peter Holt"], by_name(story)["Paul Brand"]
    told_him = text.index("told him") + len("told ")
    he = text.index("he smiled")
    saw_him = text.index("saw him") + len("saw ")
    owner = {m.start: m.character for m in story.mentions}
    assert owner[told_him] == peter.id
    assert owner[he] == peter.id  # a possessive ("Paul's stories") is not the sentence's subject
    assert owner[saw_him] == peter.id  # "Paul ... saw him" is not Paul
    assert owner[text.index("Paul's")] == paul.id


def test_him_is_not_the_one_right_before_its_verb_when_the_sentence_has_another_subject(pipe):
    # "She said Mr. Hale seemed to dislike him": Mr. Hale is no sentence subject (She is), and still not "him"
    text = (
        "Linton Brand came to the farm in the spring. Linton was weak and fretful. "
        "Mary said Mr. Hale seemed to dislike him more and more."
    )
    story = read(pipe, text)
    owner = {m.start: m.character for m in story.mentions}
    assert owner[text.index("him more")] == by_name(story)["Linton Brand"].id


def test_his_landlady_in_a_passage_is_the_landlady_and_her_pronouns(pipe):
    text = (
        "In terror he listened. Then he caught the voice of his landlady. She was howling and wailing, so that "
        "he could not make out what she was saying. All at once Raskolnikov trembled. Ilya Petrovitch was "
        "here and beating the landlady!"
    )
    story = read(pipe, text)
    (landlady,) = [c for c in story.characters if "landlady" in c.name]
    assert landlady.unnamed and "landlady" in landlady.aliases
    owner = {m.start: m.character for m in story.mentions}
    assert owner[text.index("She was")] == landlady.id
    assert owner[text.index("the landlady!")] == landlady.id


def test_in_a_passage_a_name_of_untold_gender_keeps_the_pronoun_it_took(pipe):
    # "Tal Hajus" tells no gender; once "he" is his, a "she" is someone else
    text = (
        "Tal Hajus came back from the hills, and he did not laugh. Tal Hajus sat down. She watched him from the door."
    )
    story = read(pipe, text)
    tal = by_name(story)["Tal Hajus"]
    owner = {m.start: m.character for m in story.mentions}
    assert owner[text.index("he did")] == tal.id
    assert owner[text.index("She")] != tal.id


def test_a_family_word_before_a_name_is_that_named_person(pipe):
    text = "Tom Hale felt a great tenderness for his cousin Anne. Anne did not know it."
    story = read(pipe, text)
    assert sorted(by_name(story)) == ["Anne", "Tom Hale"]


def test_the_name_of_a_cleft_is_who_does_it(pipe):
    # "it was Mara that found them out": Mara is the one the next "she" means, not the subject before
    text = (
        "Lucy went up to London with her mama, and she and Theo planned to run away. "
        "It was Mara that found them out: I believe she was envious."
    )
    story = read(pipe, text)
    she = text.rindex("she was")
    assert [m.character for m in story.mentions if m.start == she] == [by_name(story)["Mara"].id]


def _pronoun_at(story: Story, phrase: str, word: str) -> str | None:
    """The name of the character the ``word`` that opens ``phrase`` was given, or None."""
    at = story.text.index(phrase) + phrase.index(word)
    names = {c.id: c.name for c in story.characters}
    return next((names[m.character] for m in story.mentions if m.start == at), None)


def test_a_subject_he_or_she_is_not_someone_named_later_in_its_clause(pipe):
    story = read(
        pipe,
        "Mary Hale sat by the window all morning. Anne Price came in and sat down at the piano. "
        "She was jealous of Anne, who had never wanted anything. She knew that Anne was loved by everybody.",
    )
    assert _pronoun_at(story, "She was jealous", "She") == "Mary Hale"
    assert _pronoun_at(story, "She knew that Anne", "She") == "Mary Hale"


def test_a_he_or_she_in_a_clause_before_the_comma_may_be_the_name_after_it(pipe):
    story = read(
        pipe,
        "Mary Hale sat by the window. Anne Price went out into the garden. "
        "When she came back, Anne was smiling. Then she confessed that she had envied Mary, and Anne wept for shame.",
    )
    assert _pronoun_at(story, "When she came back", "she") == "Anne Price"  # the clause ends at the comma
    assert _pronoun_at(story, "she had envied Mary", "she") == "Anne Price"  # not Mary, named in its clause


def test_a_name_past_a_semicolon_or_set_beside_the_pronoun_may_be_its_own(pipe):
    story = read(
        pipe,
        "John Shepherd sat in the library. Walter Elliot came in and looked at himself in the glass. "
        "He considered beauty the first of blessings; and Walter, who had it, was his own best friend. "
        "He was burdened, poor Walter, with a double consciousness.",
    )
    assert _pronoun_at(story, "He considered beauty", "He") == "Walter Elliot"
    assert _pronoun_at(story, "He was burdened", "He") == "Walter Elliot"


def test_a_pronoun_in_narration_before_any_name_looks_ahead_to_the_narration_first(pipe):
    story = read(
        pipe,
        "“Thank you, dear papa. It will make me happier, indeed.” And she went up to him to kiss him. He walked "
        "uneasily up and down the room. “Poor Maria!” said he. “Pray, Margaret, does your mother talk of it?”\n\n"
        "“No, papa,” said Margaret, sadly.",
    )
    assert _pronoun_at(story, "she went up", "she") == "Margaret"


def test_someone_known_by_a_pronoun_and_called_papa_is_named_so(pipe):
    story = read(
        pipe,
        "“Thank you, dear papa. It will make me happier, indeed.” And she went up to him to kiss him. He walked "
        "uneasily up and down the room, and she watched him.",
    )
    assert _pronoun_at(story, "He walked", "He") == "papa"


def test_a_name_set_beside_a_pronoun_says_who_it_and_the_pronouns_before_it_are(pipe):
    story = read(
        pipe,
        "He felt that her sorrow had brought her nearer to him. When he heard that she might marry Wain, he "
        "could not but compare himself with this new aspirant. He, Frank, was an honest man.",
    )
    assert _pronoun_at(story, "He felt", "He") == "Frank"
    assert _pronoun_at(story, "He, Frank", "He") == "Frank"


def test_a_title_and_its_name_with_two_spaces_between_are_one_name(pipe):
    story = read(pipe, "She had the haughtiness of Mrs.  Beaumont, and Sir Clement laughed at Mrs.  Beaumont.")
    assert "Mrs. Beaumont" in by_name(story)


def test_the_one_a_feeling_adjective_is_for_is_not_the_one_who_feels_it(pipe):
    story = read(pipe, "Anne came in with Marilla. Marilla was so fond of her. Marilla was hostile to her plans.")
    assert _pronoun_at(story, "fond of her", "her") == "Anne"
    assert _pronoun_at(story, "hostile to her", "her") == "Marilla"


def test_a_her_after_a_feeling_and_its_preposition_gives_no_gender_to_the_one_who_feels(pipe):
    text = (
        "Carrie was not jealous at all. Hurstwood was pleased with her placid manner, when he should have duly "
        "considered it. When he did not come home it did not seem a terrible thing to her."
    )
    story = read(pipe, text)
    cast = by_name(story)
    assert cast["Hurstwood"].gender == "he"
    assert mentions_of(story, cast["Carrie"].id) == ["Carrie", "her", "her"]


def test_as_for_someone_the_pronoun_after_is_them(pipe: Pipeline) -> None:
    story = read(
        pipe,
        "Barbara thought of the party all morning. Barbara wondered whether he would come. Barbara knew he would. "
        "Barbara and Rose stood at the window. As for Rose, she had a horror of her sister's bad manners.",
    )
    rose = by_name(story)["Rose"]
    at = story.text.index("she had")
    (she,) = [m for m in story.mentions if m.start == at]
    assert she.character == rose.id


def test_a_speech_tag_pronoun_is_not_someone_its_quote_names(pipe: Pipeline) -> None:
    story = read(pipe, "“You don’t like Freddy, nor my mother,” she said to Cecil.")
    mine = next((c for c in story.characters if c.name == "my mother"), None)
    assert mine is None or "she" not in mentions_of(story, mine.id)
    said = read(pipe, "Lucy came in. “Mary is sick,” she said.")
    assert "she" in mentions_of(said, by_name(said)["Lucy"].id)


def test_a_he_goes_on_with_the_last_subject_of_its_sentence(pipe: Pipeline) -> None:
    """A he after "as he watched Bill" is still the one who watched, though Bill is the story's main character
    and the subject of the sentence's first clause."""
    text = (
        "Bill was not tall, and he was slight of build. For Bill was a good deal like a stick of dynamite; and "
        "Tom was not at all uneasy, as he watched Bill go back, though he loved him well."
    )
    story = read(pipe, text)
    tom, bill = by_name(story)["Tom"], by_name(story)["Bill"]
    tail = text.index("though")
    after = [m for m in story.mentions if m.start > tail]
    assert [(story.span_text(m), m.character) for m in after] == [("he", tom.id), ("him", bill.id)]


def test_a_family_word_set_between_commas_after_a_name_is_that_named_one(pipe: Pipeline) -> None:
    text = "Sir John struck his poor Amy. Even Mary Hale, the vicar's wife, refused to visit her."
    story = read(pipe, text)
    cast = by_name(story)
    assert "the vicar's wife" not in cast
    assert "wife" in mentions_of(story, cast["Mary Hale"].id)
