"""Pipeline step ``emotions``: 28-label emotion scores for every sentence and every quote of a Story.

Sets ``sentence.emotions`` / ``quote.emotions`` (label -> probability, rounded to 4 decimals) and
``.labels`` (labels passing their thresholds, best first). A quote is scored on its spoken words only
(``story.quote_text(q)``: speech tags left out). All texts of a story go to the model in one call, so
they are batched by length together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from heartline.pipeline import register_step
from heartline.story import Quote, Sentence, Story

__all__ = ["emotions_step", "make_emotions"]


def emotions_step(story: Story, config: dict[str, Any] | None = None) -> None:
    """Classify every sentence and quote of ``story`` in place. ``config``: ``model``, ``batch_size``."""
    from heartline.emotions import classify

    config = config or {}
    texts = [story.text[s.start : s.end] for s in story.sentences]
    texts += [story.quote_text(q) for q in story.quotes]
    if not texts:
        return
    progress = story.cache.get("progress") if isinstance(story.cache, dict) else None
    results = []
    chunk = 2048
    for i in range(0, len(texts), chunk):
        results += classify(texts[i : i + chunk], model=config.get("model"), batch_size=config.get("batch_size", 64))
        if progress:
            progress(min(1.0, (i + chunk) / len(texts)))
    targets: list[Sentence | Quote] = [*story.sentences, *story.quotes]
    for target, result in zip(targets, results, strict=False):
        target.emotions = {k: round(v, 4) for k, v in result.scores.items()}
        target.labels = list(result.labels)


@register_step("emotions", requires=("sentences", "quotes"), assigns=("emotions",))
def make_emotions(model: str | None = None, batch_size: int = 64, **_: Any) -> Callable[[Story], None]:
    """Emotion scores (28 GoEmotions labels) for each sentence and quote, on the ONNX model."""
    from heartline.emotions import load_model

    config = {"model": load_model(model), "batch_size": batch_size}

    def step(story: Story) -> None:
        emotions_step(story, config)

    return step
