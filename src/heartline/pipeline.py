"""Named steps that each declare what they need, what they give and their settings, checked when a pipeline
is built.

A step is a callable ``step(story) -> None`` made by a factory from its settings. Register one with

    @register_step("my_emotions", requires=("sentences",), assigns=("sentences.emotions",))
    def make_my_emotions(*, model: str | None = None, batch_size: int = 64) -> Callable[[Story], None]:
        ...

and use it with ``Pipeline(["segment", "my_emotions"], config={"my_emotions": {"batch_size": 8}})`` or
``heartline read --steps segment,my_emotions --set my_emotions.batch_size=8``.

``requires`` and ``assigns`` name Story fields ("mentions") or fields of the records in one
("quotes.speaker"); a step that revises what an earlier step gave names it in ``assigns`` too. The factory's
keyword parameters, with their types and defaults, are the step's settings: a setting the factory does not
take, or a value of the wrong type, is refused with a PipelineError that names the settings it has (a
factory that takes ``**kwargs`` accepts anything). The built-in steps are imported only when a pipeline uses
them, so importing heartline stays cheap.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import inspect
import logging
import time
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import PipelineError
from .story import Story

__all__ = [
    "BUILTIN_STEPS",
    "DEFAULT_STEPS",
    "INGESTED",
    "Pipeline",
    "Progress",
    "Setting",
    "StepFn",
    "StepInfo",
    "check_config",
    "check_order",
    "get_step",
    "parse_settings",
    "parse_steps",
    "register_step",
    "step_progress",
    "step_settings",
]

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


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting of a step: its name, its type (as annotated on the factory) and its default."""

    name: str
    type: Any
    default: Any

    def describe(self) -> str:
        return f"{self.name}: {_type_name(self.type)} = {self.default!r}"


def step_settings(name: str) -> dict[str, Setting] | None:
    """The settings of step ``name`` by name, from its factory's keyword parameters; None when the factory
    takes ``**kwargs`` (any setting goes)."""
    factory = get_step(name).factory
    params = inspect.signature(factory).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return {
        p.name: Setting(p.name, _annotation(factory, p.annotation), p.default)
        for p in params
        if p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    }


def _annotation(factory: Callable[..., Any], annotation: Any) -> Any:
    """A parameter's type; Any when it has none or its string annotation does not resolve."""
    if annotation is inspect.Parameter.empty:
        return Any
    if isinstance(annotation, str):
        try:
            return eval(annotation, getattr(factory, "__globals__", {}))  # the factory's own annotation
        except Exception:  # a name only imported for type checking
            return Any
    return annotation


def check_config(config: Mapping[str, Any]) -> None:
    """Raise PipelineError for a step that does not exist, a setting a step does not have, or a value of the
    wrong type. ``config`` maps step names to their settings."""
    if not isinstance(config, Mapping):
        raise PipelineError(
            "The config must map step names to their settings", 'E.g. {"feelings": {"source": "lexicon"}}'
        )
    for step, values in config.items():
        get_step(step)
        if not isinstance(values, Mapping):
            raise PipelineError(
                f"The config of step '{step}' must map setting names to values, not {values!r}",
                f'E.g. {{"{step}": {{"name": value}}}}',
            )
        settings = step_settings(step)
        if settings is None:
            continue
        for key, value in values.items():
            if key not in settings:
                known = ", ".join(s.describe() for s in settings.values()) or "none"
                raise PipelineError(f"Step '{step}' has no setting '{key}'", f"Its settings: {known}")
            want = settings[key].type
            if not _fits(value, want):
                raise PipelineError(
                    f"Setting {step}.{key} must be {_type_name(want)}, not {value!r}",
                    f"The default is {settings[key].default!r}",
                )


def parse_settings(items: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``["feelings.source=lexicon", "speakers.ranker=false"]`` -> a config, each value read as its setting's
    type ("true"/"false", numbers, "none"). Raises PipelineError for a malformed item or an unknown setting."""
    config: dict[str, dict[str, Any]] = {}
    for item in items:
        key, eq, text = item.partition("=")
        step, dot, name = key.strip().partition(".")
        if not (eq and dot and step and name):
            raise PipelineError(f"'{item}' is not STEP.SETTING=VALUE", "E.g. --set feelings.source=lexicon")
        settings = step_settings(step)
        want = settings[name].type if settings is not None and name in settings else str
        config.setdefault(step, {})[name] = _from_text(text.strip(), want)
    check_config(config)
    return config


def _options(t: Any) -> tuple[Any, ...]:
    """The members of a union type (``str | None``), or the type alone."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        return typing.get_args(t)
    return (t,)


def _fits(value: Any, t: Any) -> bool:
    for option in _options(t):
        if option is Any:
            return True
        if option is type(None) and value is None:
            return True
        if typing.get_origin(option) is Literal and value in typing.get_args(option):
            return True
        if option is float and isinstance(value, int | float) and not isinstance(value, bool):
            return True
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return True
        if option not in (float, int) and isinstance(option, type) and isinstance(value, option):
            return True
    return False


def _from_text(text: str, t: Any) -> Any:
    """A setting's value from the command line: the first reading of ``text`` its type takes."""
    options = _options(t)
    if type(None) in options and text.lower() in ("none", "null"):
        return None
    for option in options:
        if option is bool and text.lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return text.lower() in ("true", "yes", "on", "1")
        if option in (int, float):
            with contextlib.suppress(ValueError):
                return option(text)
    return text  # a string, or a value check_config refuses by its type


def _type_name(t: Any) -> str:
    names = []
    for option in _options(t):
        if typing.get_origin(option) is Literal:
            names.append(" or ".join(repr(a) for a in typing.get_args(option)))
        elif option is type(None):
            names.append("None")
        else:
            names.append(getattr(option, "__name__", str(option)))
    return " or ".join(names)


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
        check_config(self.config)

    def step_fn(self, name: str) -> StepFn:
        if name not in self._fns:
            info = get_step(name)
            self._fns[name] = info.factory(**self.config.get(name, {}))
        return self._fns[name]

    def __call__(self, story: Story, progress: Progress | None = None) -> Story:
        have = set(INGESTED) | {a for n in story.done if n in _REGISTRY for a in _REGISTRY[n].assigns}
        check_order(self._infos, have)
        for info in self._infos:  # every step made (its models loaded) before any works: a bad model fails now
            self.step_fn(info.name)
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
