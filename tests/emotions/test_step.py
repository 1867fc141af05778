"""The emotions pipeline step on a Story built by hand."""

from __future__ import annotations

from heartline.emotions.labels import LABELS
from heartline.emotions.step import emotions_step
from heartline.story import Quote, Sentence, Story

TEXT = "“Thank you so much!” she said, smiling. He cried at the grave."


def make_story() -> Story:
    story = Story(TEXT)
    q_open, q_close = TEXT.index("“"), TEXT.index("”") + 1
    story.quotes = [Quote(start=q_open, end=q_close, parts=[(q_open + 1, q_close - 1)])]
    first_end = TEXT.index("smiling.") + len("smiling.")
    story.sentences = [
        Sentence(start=0, end=first_end, quote=0),
        Sentence(start=first_end + 1, end=len(TEXT)),
    ]
    return story


def test_step_sets_emotions_and_labels_on_sentences_and_quotes(emotion_model):
    story = make_story()
    emotions_step(story, {"model": emotion_model})
    for target in [*story.sentences, *story.quotes]:
        assert set(target.emotions) == set(LABELS)
        assert all(round(v, 4) == v for v in target.emotions.values())
        assert target.labels
    assert story.quote_text(story.quotes[0]) == "Thank you so much!"
    assert "gratitude" in story.quotes[0].labels
    scores = story.sentences[1].emotions
    top3 = sorted(scores, key=scores.__getitem__, reverse=True)[:3]
    assert {"sadness", "grief"} & set(top3), top3


def test_step_on_an_empty_story_does_nothing(emotion_model):
    story = Story("")
    emotions_step(story, {"model": emotion_model})
    assert story.sentences == []


def test_step_is_registered_in_the_pipeline():
    from heartline.pipeline import get_step

    info = get_step("emotions")
    assert "sentences" in info.requires
    assert "sentences.emotions" in info.assigns and "quotes.emotions" in info.assigns


def test_model_text_strips_quote_marks_and_folds_whitespace():
    from heartline.emotions.step import model_text

    assert model_text("“You didn’t.”") == "You didn’t."
    assert model_text('  "Yes," ') == "Yes,"
    assert model_text("He\n  said so.") == "He said so."
    assert model_text("“”") == ""


def test_a_one_sentence_quote_and_its_sentence_share_one_model_pass(emotion_model):
    text = "“I miss her so much.” Rain fell."
    story = Story(text)
    story.quotes = [Quote(start=0, end=text.index("”") + 1, parts=[(1, text.index("”"))])]
    story.sentences = [
        Sentence(start=0, end=story.quotes[0].end, quote=0),
        Sentence(start=text.index("Rain"), end=len(text)),
    ]
    seen: list[list[str]] = []

    from heartline.emotions.model import EmotionModel

    class Counting(EmotionModel):  # the real model, recording what it is asked to read
        def predict_proba(self, texts, batch_size=64):
            seen.append(list(texts))
            return super().predict_proba(texts, batch_size)

    emotions_step(story, {"model": Counting(emotion_model.path, threads=1)})
    assert seen == [["I miss her so much.", "Rain fell."]]
    assert story.sentences[0].emotions == story.quotes[0].emotions
