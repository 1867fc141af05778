"""Pipeline step ``emotions``: 28-label emotion scores for every sentence and every quote of a Story.

Sets ``sentence.emotions`` / ``quote.emotions`` (label -> probability, rounded to 4 decimals) and
``.labels`` (labels passing their thresholds, best first). A quote is scored on its spoken words as a
whole (``story.quote_text(q)``: speech tags left out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from heartline.pipeline import register_step, step_progress
from heartline.story import Quote, Sentence, Story

__all__ = ["emotions_step", "make_emotions", "model_text"]

_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a"


def model_text(text: str) -> str:
    """The words the model reads: whitespace runs collapsed, quote marks around the text stripped.

    A one-sentence quote then reads the same as its sentence ("\u201cYou didn't.\u201d" and You didn't.), so
    the two share one pass through the model; the marks carry no feeling.
    """
    return " ".join(text.split()).strip(_MARKS + " ")


def emotions_step(story: Story, config: dict[str, Any] | None = None) -> None:
    """Classify every sentence and quote of ``story`` in place. ``config``: ``model``, ``batch_size``.

    A quote is read as a whole (its spoken words, speech tags left out), so a line such as "I needed it."
    is scored in the context of the "Thank you" before it. Each distinct text goes through the model once
    (short lines such as "Yes." recur often in a novel).
    """
    import numpy as np

    from heartline.emotions import as_model, results_from_probs

    config = config or {}
    model = as_model(config.get("model"))
    texts = [model_text(story.text[s.start : s.end]) for s in story.sentences]
    texts += [model_text(story.quote_text(q)) for q in story.quotes]
    distinct = list(dict.fromkeys(texts))
    if not distinct:
        return
    progress = step_progress()
    parts = []
    chunk = 2048
    for i in range(0, len(distinct), chunk):
        parts.append(model.predict_proba(distinct[i : i + chunk], batch_size=config.get("batch_size", 64)))
        if progress:
            progress(min(1.0, (i + chunk) / len(distinct)))
    row = {t: i for i, t in enumerate(distinct)}
    probs = np.concatenate(parts)[[row[t] for t in texts]]
    if model.valence is not None:  # the arcs step reads valence with the model's own fitted map
        story.cache["valence_weights"] = model.valence
    targets: list[Sentence | Quote] = [*story.sentences, *story.quotes]
    for target, result in zip(targets, results_from_probs(model, probs), strict=True):
        target.emotions = {k: round(v, 4) for k, v in result.scores.items()}
        target.labels = list(result.labels)


@register_step(
    "emotions",
    requires=("sentences", "quotes"),
    assigns=("sentences.emotions", "sentences.labels", "quotes.emotions", "quotes.labels"),
)
def make_emotions(*, model: str | None = None, batch_size: int = 64) -> Callable[[Story], None]:
    """Emotion scores (28 GoEmotions labels) for each sentence and quote, on the ONNX model."""
    from heartline.emotions import load_model

    config = {"model": load_model(model), "batch_size": batch_size}

    def step(story: Story) -> None:
        emotions_step(story, config)

    return step
