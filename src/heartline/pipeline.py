"""Named steps that each declare what they need and what they give, checked when a pipeline is built.

A step is a callable ``step(story) -> None`` made by a factory from keyword settings. Register one with

    @register_step("my_emotions", requires=("sentences",), assigns=("emotions",))
    def make_my_emotions(model: str | None = None) -> Callable[[Story], None]:
        ...

and use it with ``Pipeline(["segment", "my_emotions"])`` or ``heartline read --steps segment,my_emotions``.
The built-in steps are imported only when a pipeline uses them, so importing heartline stays cheap.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import PipelineError
from .story import Story

log = logging.getLogger(__name__)

StepFn = Callable[[Story], None]
Progress = Callable[[str, float], None]  # (step name, fraction of the step done)


@dataclass(frozen=True, slots=True)
class StepInfo:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[..., StepFn]
    doc: str = ""


_REGISTRY: dict[str, StepInfo] = {}

# the running step's progress callback (fraction of the step done), set by Pipeline.__call__
_STEP_PROGRESS: contextvars.ContextVar[Callable[[float], None] | None] = contextvars.ContextVar(
    "heartline_step_progress", default=None
)


def step_progress() -> Callable[[float], None] | None:
    """The running step's progress callback, ``callback(fraction done)``, or None when no one listens."""
    return _STEP_PROGRESS.get()


# What a freshly ingested Story already has.
INGESTED = ("text", "metadata", "chapters")

# Built-in steps: name -> module that registers it, imported on first use.
BUILTIN_STEPS: dict[str, str] = {
    "segment": "heartline.segment",
    "characters": "heartline.characters",
    "speakers": "heartline.speakers",
    "emotions": "heartline.emotions.step",
    "feelings": "heartline.feelings",
    "bonds": "heartline.bonds",
    "arcs": "heartline.arcs",
}
DEFAULT_STEPS = ("segment", "characters", "speakers", "emotions", "feelings", "bonds", "arcs")


def register_step(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[Callable[..., StepFn]], Callable[..., StepFn]]:
    """Register a step factory under ``name`` (see the module docstring)."""

    def wrap(factory: Callable[..., StepFn]) -> Callable[..., StepFn]:
        _REGISTRY[name] = StepInfo(name, tuple(requires), tuple(assigns), factory, (factory.__doc__ or "").strip())
        return factory

    return wrap


def get_step(name: str) -> StepInfo:
    """The registered step called ``name``, importing a built-in one on first use."""
    if name not in _REGISTRY and name in BUILTIN_STEPS:
        importlib.import_module(BUILTIN_STEPS[name])
    if name not in _REGISTRY:
        known = ", ".join(sorted(set(BUILTIN_STEPS) | set(_REGISTRY)))
        raise PipelineError(f"There is no step called '{name}'", f"Choose among: {known}")
    return _REGISTRY[name]


def parse_steps(spec: str | Iterable[str] | None) -> list[str]:
    """``"segment,characters"`` or a list of names -> a list of names; None -> the default steps."""
    if spec is None:
        return list(DEFAULT_STEPS)
    names = [s.strip() for s in spec.split(",")] if isinstance(spec, str) else [s.strip() for s in spec]
    names = [n for n in names if n]
    if not names:
        raise PipelineError("No steps were given", "Name at least one, e.g. --steps segment")
    return names


def check_order(infos: Sequence[StepInfo], have: Iterable[str] = INGESTED) -> None:
    """Raise PipelineError when a step needs something no earlier step gives."""
    available = set(have)
    givers: dict[str, str] = {}  # what each built-in step gives, to name in the fix; the first giver wins
    for name in BUILTIN_STEPS:
        if name in _REGISTRY:
            for a in _REGISTRY[name].assigns:
                givers.setdefault(a, name)
    for info in infos:
        missing = [r for r in info.requires if r not in available]
        if missing:
            hint = sorted({givers[m] for m in missing if m in givers})
            fix = f"Run {', '.join(repr(h) for h in hint)} before it" if hint else "Add a step that provides it"
            raise PipelineError(f"Step '{info.name}' needs {', '.join(missing)}, which no earlier step gives", fix)
        available.update(info.assigns)


@dataclass
class Pipeline:
    """Steps run in order over a Story. Build once, run over many stories; models load on first use.

    >>> Pipeline(["segment"]).names
    ['segment']
    """

    steps: Sequence[str] | str | None = None
    config: dict[str, dict[str, Any]] = field(default_factory=dict)
    assume: Sequence[str] = ()  # steps already run on the stories this pipeline will continue
    names: list[str] = field(init=False)
    _infos: list[StepInfo] = field(init=False, repr=False)
    _fns: dict[str, StepFn] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.names = parse_steps(self.steps)
        if len(set(self.names)) != len(self.names):
            raise PipelineError(f"A step is named twice in {','.join(self.names)}", "Name each step once")
        for n in BUILTIN_STEPS:  # import the built-in steps so check_order can name who gives what
            if n not in _REGISTRY:
                with contextlib.suppress(ImportError):
                    importlib.import_module(BUILTIN_STEPS[n])
        self._infos = [get_step(n) for n in self.names]
        check_order(self._infos, [*INGESTED, *(a for n in self.assume for a in get_step(n).assigns)])

    def step_fn(self, name: str) -> StepFn:
        if name not in self._fns:
            info = get_step(name)
            self._fns[name] = info.factory(**self.config.get(name, {}))
        return self._fns[name]

    def __call__(self, story: Story, progress: Progress | None = None) -> Story:
        have = set(INGESTED) | {a for n in story.done if n in _REGISTRY for a in _REGISTRY[n].assigns}
        check_order(self._infos, have)
        for info in self._infos:
            t0 = time.perf_counter()
            if progress:
                progress(info.name, 0.0)
            fn = self.step_fn(info.name)
            token = _STEP_PROGRESS.set(functools.partial(progress, info.name) if progress else None)
            try:
                fn(story)
            finally:
                _STEP_PROGRESS.reset(token)
            if info.name not in story.done:
                story.done.append(info.name)
            if progress:
                progress(info.name, 1.0)
            log.info("step %s took %.2fs", info.name, time.perf_counter() - t0)
        return story
