"""Paragraphs, scene breaks, quotes and sentences on passages written for these tests."""

from __future__ import annotations

import pytest

from heartline.pipeline import Pipeline
from heartline.segment import dialogue_style, find_paragraphs, is_scene_break, is_tokenised
from heartline.story import Story


def segmented(text: str) -> Story:
    story = Story(text)
    Pipeline("segment")(story)
    return story


def quote_texts(story: Story) -> list[str]:
    return [story.quote_text(q) for q in story.quotes]


def first_lines(story: Story) -> list[str]:
    """The first line of each paragraph."""
    return [story.text[p.start : p.end].split("\n")[0] for p in story.paragraphs]


@pytest.mark.usefixtures("nlp")
class TestQuotes:
    def test_curly_quote_interrupted_by_a_speech_tag_is_one_quote(self):
        story = segmented("“Thank you,” Willow says quietly. “For the strength.”")
        assert quote_texts(story) == ["Thank you, For the strength."]
        q = story.quotes[0]
        assert [story.text[s:e] for s, e in q.parts] == ["Thank you,", "For the strength."]
        assert (q.start, q.end) == (0, len(story.text))

    def test_a_text_cut_out_inside_a_line_of_dialogue_closes_it_first(self):
        text = (
            'Tell me everything about them, Bessie: but sit down first, will you?" but Bobby went to his mother.'
            '\n\n"You are not grown so very tall, Miss Jane," said Bessie.\n\n"Not very," I said.'
        )
        assert quote_texts(segmented(text)) == [
            "Tell me everything about them, Bessie: but sit down first, will you?",
            "You are not grown so very tall, Miss Jane,",
            "Not very,",
        ]
        # a first mark glued to the next word still opens ('he said,"Go'), as before
        assert quote_texts(segmented('He said,"Go home." She went.')) == ["Go home."]

    def test_a_full_stop_before_the_action_makes_two_quotes(self):
        story = segmented('"You didn\'t." Ana opens her eyes. Smiles. "You dummy, I knew."')
        assert quote_texts(story) == ["You didn't.", "You dummy, I knew."]

    def test_straight_quotes_said_x(self):
        story = segmented('"It is late," said Mr. Hale, "and the road is long."\n\n"Then stay," she said.')
        assert quote_texts(story) == ["It is late, and the road is long.", "Then stay,"]
        assert [q.paragraph for q in story.quotes] == [0, 1]

    def test_british_single_quotes_with_apostrophes(self):
        text = (
            "‘I don’t know,’ said Harriet. ‘It’s Tom’s boat.’\n\n‘Isn’t it yours?’ asked Jo. The boys’ oars lay there."
        )
        assert dialogue_style(text) == "single"
        story = segmented(text)
        assert quote_texts(story) == ["I don’t know, It’s Tom’s boat.", "Isn’t it yours?"]

    def test_single_quoted_dialogue_quoting_a_word_in_double_quotes(self):
        # a short passage of British dialogue: one “word” in double quotes inside a speech does not make the
        # passage double-quoted, since every line of dialogue opens with a single mark
        text = (
            "‘You would grieve, then, “even” for him?’\n\n‘I would. And is he so much worse, Tilda, than your "
            "brother?’\n\n‘No worse, I think. But I speak my mind.’"
        )
        assert dialogue_style(text) == "single"
        assert len(segmented(text).quotes) == 3

    def test_nested_quotes_stay_inside_their_quote(self):
        story = segmented("“She told me, ‘Go home,’ and I went,” Dara said.")
        assert quote_texts(story) == ["She told me, ‘Go home,’ and I went,"]

    def test_quote_running_over_paragraphs(self):
        text = "“The first part of the story,\n\n“the second part,\n\n“and the end.” He stopped.\n\nLater she left."
        story = segmented(text)
        assert len(story.quotes) == 1
        assert len(story.quotes[0].parts) == 3
        assert story.quote_text(story.quotes[0]).endswith("and the end.")

    def test_regression_a_broken_off_line_closes_at_its_dash(self):
        """``"My dear Lucia--"`` closes its quote: it must not run on into the next paragraph's reply."""
        story = segmented('"My dear Lucia--"\n\n"Well, you know what I mean."\n\n"Go--" and then--"now," he said.')
        assert quote_texts(story) == ["My dear Lucia--", "Well, you know what I mean.", "Go-- now,"]

    def test_regression_a_lost_dash_leaves_a_lone_mark_that_closes_its_quote(self):
        """Gutenberg texts with their dashes stripped: "Then suddenly "  "Fibs!" and a line broken off at the
        end of a paragraph must not swallow the reply (PDNC's Gambler and Oliver Twist)."""
        text = (
            '"We had such telegrams! Then suddenly "  "Fibs, fibs!"\n\n'
            '"I was standing at a bookstall " Mr. Brownlow began.\n\n'
            '"Hold your tongue, sir," said the other.'
        )
        assert quote_texts(segmented(text)) == [
            "We had such telegrams! Then suddenly",
            "Fibs, fibs!",
            "I was standing at a bookstall",
            "Hold your tongue, sir,",
        ]

    def test_regression_a_lost_dash_after_a_paragraphs_first_mark_still_opens_it(self):
        """Oliver Twist with its dashes stripped: '" Of _shoes_, sir," said Giles' opens at its first mark,
        though a space follows it; the reply after the tag is not read as spoken words."""
        text = '"Ladies present, Mr. Giles," murmured the tinker.\n\n" Of shoes, sir," said Giles, turning upon him.'
        assert quote_texts(segmented(text)) == ["Ladies present, Mr. Giles,", "Of shoes, sir,"]

    def test_a_semicolon_after_a_quote_ends_it(self):
        """The Age of Innocence: '“... as she does”; and Beaufort retorted: “Yes; ...”' is two quotes, two
        speakers, though the first piece ends without a full stop."""
        text = '"Gad," Archer heard Lefferts say, "not one holds the bow as she does"; and Beaufort retorted: "Yes."'
        assert quote_texts(segmented(text)) == ["Gad, not one holds the bow as she does", "Yes."]

    def test_a_piece_with_a_tag_of_its_own_after_a_full_stop_is_a_new_quote(self):
        """Northanger Abbey and Anne of Green Gables: a piece after a tag that ends with a full stop, with a tag
        of its own after it, is another speaker's line; without one it is the same speaker going on."""
        text = (
            '"It is very charming indeed," said Isabella, with a grave face. "Mr. Morland has behaved vastly '
            'handsome," said the gentle Mrs. Thorpe, looking at her daughter.\n\n'
            '"I do," said Anne. "And I always will."'
        )
        assert quote_texts(segmented(text)) == [
            "It is very charming indeed,",
            "Mr. Morland has behaved vastly handsome,",
            "I do, And I always will.",
        ]

    def test_a_second_speaker_in_the_paragraph_starts_a_new_quote(self):
        """Mansfield Park and Alice: narration that goes on past the tag's sentence, or holds a second tag,
        separates two speakers' words; a tag with "Mrs." or a semicolon in it does not."""
        text = (
            '"Then she had better come to us," said Lady Bertram. After a pause Sir Thomas added, "Yes."\n\n'
            '"Oh, a song," Alice replied, so eagerly that the Gryphon said, "Hm!"\n\n'
            '"I will not," rejoined Mrs. Maylie; "but I would have you consider."'
        )
        assert quote_texts(segmented(text)) == [
            "Then she had better come to us,",
            "Yes.",
            "Oh, a song,",
            "Hm!",
            "I will not, but I would have you consider.",
        ]

    def test_unclosed_quote_ends_with_its_paragraph(self):
        story = segmented("“Wait, she said, and ran.\n\nThe door closed behind her.")
        assert len(story.quotes) == 1
        assert story.quotes[0].end <= story.paragraphs[0].end
        assert story.sentences[-1].quote is None

    def test_fan_fiction_dashes_are_not_quotes(self):
        story = segmented("She trades out fruit for Buffy- no, Tara- no- Buffy-\n\nShe breathes in.")
        assert story.quotes == []
        assert story.span_text(story.sentences[0]).endswith("Buffy-")


@pytest.mark.usefixtures("nlp")
class TestSentences:
    def test_each_sentence_is_narration_or_speech(self):
        story = segmented("“Anytime,” Buffy replies. “I don’t want you to hurt.” Neither of them moves.")
        got = [(story.span_text(s), s.quote) for s in story.sentences]
        assert got == [
            ("“Anytime,”", 0),
            ("Buffy replies.", None),
            ("“I don’t want you to hurt.”", 0),
            ("Neither of them moves.", None),
        ]

    def test_offsets_point_into_the_text(self):
        text = "First line here.\r\n\r\nNot normalised here, but offsets hold. Second sentence."
        story = segmented(text)
        for s in story.sentences:
            assert story.text[s.start : s.end].strip() == story.text[s.start : s.end]
            assert s.start >= story.paragraphs[s.paragraph].start
            assert s.end <= story.paragraphs[s.paragraph].end


class TestParagraphs:
    def test_blank_lines_separate_and_hard_wraps_do_not(self):
        text = "A line\nwrapped here.\n\n  \nNext one.\n"
        assert [text[s:e] for s, e in find_paragraphs(text)] == ["A line\nwrapped here.", "Next one."]

    def test_one_paragraph_per_long_line(self):
        line = "word " * 50
        text = f"{line}\n{line}\n{line}"
        assert len(list(find_paragraphs(text))) == 3

    @pytest.mark.parametrize("marker", ["* * *", "***", "~~~", "---", "#", "oOo", "xXx", "• • •"])
    def test_scene_breaks(self, marker):
        assert is_scene_break(marker)

    @pytest.mark.parametrize("line", ["Oh.", "No", "A", "---and then"])
    def test_words_are_not_scene_breaks(self, line):
        assert not is_scene_break(line)

    @pytest.mark.usefixtures("nlp")
    def test_scene_breaks_are_kept_out_of_paragraphs(self):
        story = segmented("Before.\n\n* * *\n\nAfter.")
        assert [story.span_text(p) for p in story.paragraphs] == ["Before.", "After."]
        assert [story.span_text(b) for b in story.scene_breaks] == ["* * *"]


# Tokenised as corpora ship text (LitBank): one sentence per line, every token between spaces, paragraph
# breaks lost. Written for these tests.
TOKENISED = """Hana Cole sat by the window of the old inn , and the rain ran down the glass .
Her brother came in with the lamp .
" It 's late , " said Jonah .
" You should n't wait up for them .
They wo n't come tonight . "
" I know , " Hana said .
" But I 'd rather wait than sleep . "
" Then I 'll wait with you . "
He set the lamp on the table , and the girls ' coats dripped on the hooks by the door .
" Do you think they 're safe ? "
Jonah did not answer at once .
" They are safe , " he said at last .
"""

SINGLE = TOKENISED.replace('"', "'")


@pytest.mark.usefixtures("nlp")
class TestTokenisedText:
    def test_spaced_marks_open_and_close_quotes(self):
        assert is_tokenised(TOKENISED) and not is_tokenised("“Go,” she said. It's late, and the road is long.")
        story = segmented(TOKENISED)
        assert quote_texts(story) == [
            "It 's late , You should n't wait up for them .\nThey wo n't come tonight .",
            "I know , But I 'd rather wait than sleep .",
            "Then I 'll wait with you .",
            "Do you think they 're safe ?",
            "They are safe ,",
        ]

    def test_sentences_are_gathered_into_paragraphs(self):
        """A line that opens a quote, or follows spoken words alone, starts a paragraph; after spoken words
        with a tag the speaker goes on, and other narration joins the paragraph before it."""
        story = segmented(TOKENISED)
        assert first_lines(story) == [
            "Hana Cole sat by the window of the old inn , and the rain ran down the glass .",
            '" It \'s late , " said Jonah .',
            '" I know , " Hana said .',
            '" Then I \'ll wait with you . "',
            "He set the lamp on the table , and the girls ' coats dripped on the hooks by the door .",
            '" Do you think they \'re safe ? "',
            "Jonah did not answer at once .",
            '" They are safe , " he said at last .',
        ]

    def test_a_tagged_line_after_a_tagged_line_starts_a_paragraph(self):
        """A line after spoken words and a tag stays in their paragraph (the speaker goes on), unless it has a
        tag of its own: then it is most likely the answer."""
        text = (
            "Nora Vance sat by the fire , and the rain beat on the roof .\n"
            "Owen Pike came in from the yard , wet to the skin .\n"
            '" Where have you been , Owen ? " asked Nora .\n" Out with the sheep , " he said .\n'
            '" They are safe now . "\n" Then sit down and eat . "\n'
            "Owen sat down , and Nora gave him the bread .\n"
        )
        assert first_lines(segmented(text))[1:4] == [
            '" Where have you been , Owen ? " asked Nora .',
            '" Out with the sheep , " he said .',
            '" Then sit down and eat . "',
        ]

    def test_single_quote_dialogue_with_clitics_and_a_plural_possessive(self):
        assert dialogue_style(SINGLE) == "single"
        story = segmented(SINGLE)
        assert len(story.quotes) == 5
        assert story.quote_text(story.quotes[0]).startswith("It 's late , You should n't wait")
        assert story.quote_text(story.quotes[-1]) == "They are safe ,"

    def test_curly_single_quotes_and_a_tag_cut_off_by_the_splitter(self):
        text = (
            "The lamp burned low , and the wind was up .\n"
            "Jonah stood at the window , and did not turn .\n"
            "‘ It ’s late . ’\n"
            "‘ What are you doing up at this hour ? ’\n"
            "asked Hana , from the stairs .\n"
            "‘ Waiting . ’\n"
            "She came down , and sat by him .\n"
            "Outside , the rain went on , and on .\n"
        )
        assert is_tokenised(text) and dialogue_style(text) == "single"
        story = segmented(text)
        assert quote_texts(story) == ["It ’s late .", "What are you doing up at this hour ?", "Waiting ."]
        assert first_lines(story) == [
            "The lamp burned low , and the wind was up .",
            "‘ It ’s late . ’",
            "‘ What are you doing up at this hour ? ’",
            "‘ Waiting . ’",
            "She came down , and sat by him .",
        ]

    def test_clitics_alone_do_not_make_a_text_single_quoted(self):
        text = TOKENISED + "It 's what they 're used to , and they 'll say it 's fine .\n" * 3
        assert dialogue_style(text) == "double"


DASHES = (
    "Nora came down the stairs with the lamp. Owen was at the table.\n\n"
    "— Are you awake? she asked.\n\n"
    "— I am, said Owen. Come in and sit down.\n\n"
    "— It is cold in here.\n\n"
    "— Then light the fire, Nora.\n\n"
    "She knelt by the hearth and struck a match.\n\n"
    "— Where is the wood?\n\n"
    "— In the shed, he said. I brought it in at noon.\n\n"
    "— There is none here.\n\n"
    "— Then I was wrong.\n\n"
    "He went out into the yard: — Back in a moment.\n\n"
    "— Take the lamp, Owen!\n\n"
    "— I can see well enough.\n"
)


@pytest.mark.usefixtures("nlp")
class TestDashDialogue:
    def test_a_dash_opens_a_line_of_dialogue_up_to_its_tag(self):
        assert dialogue_style(DASHES) == "dash"
        story = segmented(DASHES)
        spoken = quote_texts(story)
        assert spoken[:3] == ["Are you awake?", "I am,", "It is cold in here."]
        assert "Back in a moment." in spoken
        assert len(spoken) == 11
        assert all(story.text[q.start] == "—" for q in story.quotes)

    def test_the_tags_inside_dash_lines_name_their_speakers(self):
        story = Pipeline("segment,characters,speakers")(Story(DASHES))
        got = [(q.speaker, q.attribution) for q in story.quotes]
        assert got[:4] == [("nora", "anaphoric"), ("owen", "explicit"), ("nora", "implicit"), ("owen", "implicit")]
        assert got[5] == ("owen", "anaphoric")

    def test_a_dash_line_runs_to_the_end_of_its_paragraph_over_hard_wraps(self):
        text = DASHES.replace("— There is none here.", "— There is none here,\nnot a stick of it.")
        assert "There is none here,\nnot a stick of it." in quote_texts(segmented(text))

    def test_a_few_dashes_do_not_make_dialogue(self):
        text = "“Come,” she said.\n\n— and then nothing more.\n\n“Go,” he said.\n"
        assert dialogue_style(text) == "double"
        assert quote_texts(segmented(text)) == ["Come,", "Go,"]


@pytest.mark.usefixtures("nlp")
def test_example_story_quotes(example_path):
    story = segmented(example_path.read_text(encoding="utf-8"))
    spoken = quote_texts(story)
    assert "Thank you, For staying. For not listening to me." in spoken
    assert any(t.startswith("Hold the light for me, Maren.") for t in spoken)
    assert len(story.scene_breaks) == 2
    assert all(story.sentences[i].start < story.sentences[i + 1].start for i in range(len(story.sentences) - 1))


@pytest.mark.parametrize("mark", ["‘", "“"])
def test_an_opening_mark_set_where_a_closing_one_belongs_closes(mark: str) -> None:
    close = "’" if mark == "‘" else "”"
    text = (
        f"{mark}Esther, how can you be so rude!{close} cried Mrs. Hargrave.\n\n"
        f"{mark}Well, mamma, you said yourself—{mark}  But the young lady was silenced by a look.\n\n"
        f"{mark}Isn’t she cross?{close} whispered she to me.\n"
    )
    story = Pipeline(["segment"])(Story(text))
    spoken = [[story.text[a:b] for a, b in q.parts] for q in story.quotes]
    assert spoken == [["Esther, how can you be so rude!"], ["Well, mamma, you said yourself—"], ["Isn’t she cross?"]]
