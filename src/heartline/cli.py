"""The ``heartline`` command: thin commands over importable functions.

Heavy modules (spaCy, ONNX Runtime, ...) are imported inside the commands so ``heartline -h`` answers
at once. Library errors (``HeartlineError``) become one line on stderr and exit status 1; nothing here
prints a traceback unless ``HEARTLINE_DEBUG=1``.
"""

from __future__ import annotations

import sys
import time

import click

from . import __version__
from .clikit import CONTEXT, explain_errors

__all__ = ["main"]

FORMATS = ["text", "markdown", "epub", "ao3", "gutenberg"]


class Progress:
    """A one-line progress display on stderr for long books: it shows once a reading has taken
    :attr:`DELAY` seconds (a short story is done before); silent when stderr is not a terminal."""

    DELAY = 2.0

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.last = ""
        self.started: float | None = None

    def __call__(self, step: str, fraction: float) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.started is None:
            self.started = now
        if now - self.started < self.DELAY:
            return
        width = 30
        done = int(width * max(0.0, min(1.0, fraction)))
        line = f"\r{step:<11} [{'#' * done}{'.' * (width - done)}] {100 * fraction:3.0f}%"
        if line != self.last:
            sys.stderr.write(line)
            sys.stderr.flush()
            self.last = line

    def close(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write("\r" + " " * len(self.last) + "\r")
            sys.stderr.flush()


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="heartline")
def main() -> None:
    """heartline reads a story and shows who feels what, toward whom.

    \b
    Example:
      heartline read examples/the-lighthouse-keepers.txt --html report.html
    """


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=True, readable=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the reading JSON here.")
@click.option("--html", "html", type=click.Path(dir_okay=False), help="Write the HTML report here.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Input format (default: from the extension).")
@click.option("--steps", help="Comma-separated steps to run (default: all). E.g. segment,characters,speakers")
@click.option("--indent", type=int, default=None, help="Indent the JSON output by this many spaces.")
@click.option(
    "--emotion-model",
    default=None,
    help="Emotion model folder or name: emotions-minilm-l2-v6 (default, 2 layers) or emotions-minilm-v1 "
    "(6 layers, 3x slower).",
)
@click.option(
    "--speaker-rules-only",
    is_flag=True,
    help="Attribute speakers by the rules alone, without the learned ranker's second look at untagged quotes.",
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="STEP.SETTING=VALUE",
    help="A step's setting, e.g. --set feelings.source=lexicon (repeatable; docs/cli.md lists them).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@explain_errors
def read(
    file: str,
    output: str | None,
    html: str | None,
    fmt: str | None,
    steps: str | None,
    indent: int | None,
    emotion_model: str | None,
    speaker_rules_only: bool,
    settings: tuple[str, ...],
    quiet: bool,
) -> None:
    """Read a story FILE and write what heartline finds in it.

    FILE may be plain text, Markdown, EPUB, an AO3 HTML download or a Project Gutenberg text; - reads the
    story from stdin. With no -o and no --html, a short summary is printed.

    \b
    Examples:
      heartline read story.txt                          # summary on the terminal
      heartline read story.epub -o reading.json         # the full reading as JSON
      heartline read work.html --html report.html       # a self-contained HTML report
      heartline read book.txt --steps segment,characters,speakers -o r.json
      heartline read story.epub --emotion-model emotions-minilm-v1 -o r.json
      heartline read story.txt --set feelings.source=lexicon --set arcs.points=50 -o r.json
    """
    from pathlib import Path

    import heartline

    from .outputs import atomic_write
    from .pipeline import parse_settings

    config = parse_settings(settings)
    if emotion_model:
        config.setdefault("emotions", {})["model"] = emotion_model
    if speaker_rules_only:
        config.setdefault("speakers", {})["ranker"] = False
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        if file == "-":  # the story's bytes from stdin, decoded as a file's are
            from .ingest import load_stream

            pipeline = heartline.Pipeline(steps, config)  # a bad step or setting fails before stdin is read
            story = pipeline(load_stream(sys.stdin.buffer, format=fmt), progress)
        else:  # always a path: a missing file is an error, never a story whose text is its name
            story = heartline.read(Path(file), format=fmt, steps=steps, config=config, progress=progress)
    finally:
        progress.close()
    for warning in story.metadata.warnings:
        click.echo(f"heartline: warning: {warning}", err=True)
    rendered: dict[str, str] = {}
    if output:
        rendered[output] = story.to_json(indent=indent)
    if html:
        from .report import render_html

        rendered[html] = render_html(story)
    for path, data in rendered.items():  # everything is rendered before anything is written
        atomic_write(path, data)
    if not rendered:
        from .summary import summarize

        click.echo(summarize(story))


# --- emotions: thin wrappers over heartline.emotions.cli_impl --------------------------------


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--model", default=None, help="Model folder or name (default: the shipped emotion model).")
@click.option("--batch-size", type=int, default=64, show_default=True, help="Texts per model call.")
@explain_errors
def emotions(file: str, model: str | None, batch_size: int) -> None:
    """Emotion scores for each line of FILE (one text per line; - for stdin), as JSON lines.

    Each output line is {"text", "scores": {label: probability} for the 28 GoEmotions labels,
    "labels": the labels passing their thresholds, best first}.

    \b
    Example:
      echo "Thank you so much!" | heartline emotions -
    """
    from .emotions.cli_impl import run_emotions

    run_emotions(file, sys.stdout, model=model, batch_size=batch_size)


@main.group("train", context_settings=CONTEXT)
def train_group() -> None:
    """Train heartline's models (needs: pip install 'heartline[train]').

    \b
    Example:
      heartline train emotions --data ../shared/data/goemotions --out models/emotions-minilm-v1
    """


@train_group.command("emotions", context_settings=CONTEXT)
@click.option(
    "--data", required=True, type=click.Path(file_okay=False, exists=True), help="Folder with train.tsv, dev.tsv."
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Model folder to write (ONNX int8).")
@click.option("--work-dir", type=click.Path(file_okay=False), help="Checkpoint + fp32 ONNX (default runs/<out name>).")
@click.option("--epochs", type=int, default=3, show_default=True)
@click.option("--batch-size", type=int, default=32, show_default=True)
@click.option("--loss", type=click.Choice(["bce", "bce-weighted"]), default="bce", show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--threads", type=int, default=2, show_default=True, help="torch threads.")
@click.option("--limit", type=int, default=None, help="Use only the first N training rows (smoke test).")
@click.option("--skip-train", is_flag=True, help="Reuse the checkpoint in --work-dir; export and tune only.")
@click.option("--init-checkpoint", type=click.Path(dir_okay=False, exists=True), help="Continue from this model.pt.")
@click.option("--lr-scale", type=float, default=1.0, show_default=True, help="Multiply both learning rates.")
@click.option("--max-steps", type=int, default=None, help="Cap the schedule at N optimizer steps.")
@click.option("--teacher", type=click.Path(dir_okay=False, exists=True), multiple=True,
              help="Distil from this model.pt; repeat it to distil from the mean of several.")  # fmt: skip
@click.option("--layers", default=None, help="With --teacher: encoder layers the student keeps, e.g. 0,3.")
@click.option("--unlabeled", type=click.Path(dir_okay=False, exists=True),
              help="With --teacher: extra texts (one a line) the teacher labels.")  # fmt: skip
@click.option("--alpha", type=float, default=0.5, show_default=True, help="Teacher's share of the soft target.")
@click.option("--device", default="cpu", show_default=True, help="torch device to train on, e.g. cuda.")
@click.option(
    "--teacher-onnx",
    type=click.Path(file_okay=False, exists=True),
    help="Distil from this model folder, run with ONNX Runtime (e.g. the shipped model).",
)
@click.option(
    "--init-onnx",
    type=click.Path(file_okay=False, exists=True),
    help="Start from this model folder's weights, read back from its ONNX graph (keeps its layers).",
)
@click.option(
    "--silver",
    type=click.Path(dir_okay=False, exists=True),
    help="With a teacher: JSON lines {text, labels: {label: weight}} of silver labels.",
)
@explain_errors
def train_emotions_cmd(data: str, out: str, work_dir: str | None, epochs: int, batch_size: int, loss: str,
                       seed: int, threads: int, limit: int | None, skip_train: bool, init_checkpoint: str | None,
                       lr_scale: float, max_steps: int | None, teacher: tuple[str, ...], layers: str | None,
                       unlabeled: str | None, alpha: float, device: str, teacher_onnx: str | None,
                       init_onnx: str | None, silver: str | None) -> None:  # fmt: skip
    """Fine-tune all-MiniLM-L6-v2 on GoEmotions and write an ONNX int8 model folder.

    \b
    Example:
      heartline train emotions --data ../shared/data/goemotions --out runs/my-emotions --epochs 3
      heartline train emotions --data ../shared/data/goemotions --out runs/emotions-minilm-l2 \\
          --teacher runs/emotions-minilm-v1/model.pt --layers 0,3 --unlabeled runs/unlabeled.txt
      heartline train emotions --data ../shared/data/goemotions --out runs/emotions-fiction \\
          --teacher-onnx runs/emotions-minilm-l2-v2 \\
          --init-onnx runs/emotions-minilm-l2-v2 --silver runs/silver/train.jsonl --epochs 1
    """
    from pathlib import Path

    from .emotions.train import train_emotions

    try:
        keep = [int(x) for x in layers.split(",")] if layers else None
    except ValueError:
        msg = f"'{layers}' is not a comma-separated list of layer numbers"
        raise click.BadParameter(msg, param_hint="--layers") from None
    if (keep or unlabeled) and not (teacher or teacher_onnx):
        raise click.BadParameter("--layers and --unlabeled are for distillation", param_hint="--teacher")
    if silver and not (teacher or teacher_onnx):
        raise click.BadParameter("--silver rows need a teacher for their other labels", param_hint="--teacher-onnx")
    if keep is not None and init_onnx:
        raise click.BadParameter("--init-onnx keeps that model's own layers", param_hint="--layers")
    if keep is not None and (not keep or min(keep) < 0 or max(keep) > 5):
        raise click.BadParameter("layers are numbered 0 to 5 (the base encoder has 6)", param_hint="--layers")

    metrics = train_emotions(
        Path(data), Path(out), Path(work_dir) if work_dir else None, skip_train=skip_train, epochs=epochs,
        batch_size=batch_size, loss=loss, seed=seed, threads=threads, limit=limit, lr_scale=lr_scale,
        init_checkpoint=Path(init_checkpoint) if init_checkpoint else None, max_steps=max_steps,
        teacher=[Path(t) for t in teacher], layers=keep, unlabeled=Path(unlabeled) if unlabeled else None,
        alpha=alpha, device=device, teacher_onnx=Path(teacher_onnx) if teacher_onnx else None,
        init_onnx=Path(init_onnx) if init_onnx else None, silver=Path(silver) if silver else None,
    )  # fmt: skip
    import json

    click.echo(json.dumps({k: v for k, v in metrics.items() if k != "dev_rows"}, indent=1))


@main.group("evaluate", context_settings=CONTEXT)
def evaluate_group() -> None:
    """Score heartline against benchmark data.

    \b
    Example:
      heartline evaluate goemotions --data ../shared/data/goemotions --split dev
    """


@evaluate_group.command("goemotions", context_settings=CONTEXT)
@click.option("--data", required=True, type=click.Path(file_okay=False), help="Folder with <split>.tsv files.")
@click.option("--split", default="dev", show_default=True, help="Which split file to score.")
@click.option("--model", default=None, help="Model folder or name (default: the shipped emotion model).")
@explain_errors
def evaluate_goemotions_cmd(data: str, split: str, model: str | None) -> None:
    """Macro- and micro-F1 over the 28 labels, per-label F1 and Ekman macro-F1, as JSON.

    \b
    Example:
      heartline evaluate goemotions --data ../shared/data/goemotions --split dev
    """
    import json

    from .emotions.cli_impl import evaluate_goemotions

    click.echo(json.dumps(evaluate_goemotions(data, split=split, model=model), indent=1))


@evaluate_group.command("fiction", context_settings=CONTEXT)
@click.option("--data", required=True, type=click.Path(), help="ABBE folder (or its ABBE_multilabel.csv).")
@click.option("--model", default=None, help="Model folder or name (default: the shipped emotion model).")
@explain_errors
def evaluate_fiction_cmd(data: str, model: str | None) -> None:
    """Ekman-6 macro-, micro- and per-label F1 of the emotion model on ABBE sentences from novels, as JSON.

    \b
    Example:
      heartline evaluate fiction --data ../shared/data/abbe
    """
    import json

    from .evaluate.fiction import evaluate_fiction

    click.echo(json.dumps(evaluate_fiction(data, model=model), indent=1))


@main.command(context_settings=CONTEXT)
@click.argument("reading", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the HTML report here (default: READING.html)."
)
@click.option("--library", type=click.Path(dir_okay=False), help="With a story id: the library it is in.")
@explain_errors
def report(reading: str, output: str | None, library: str | None) -> None:
    """Render a saved READING (the JSON of heartline read -o, or a library story id) as an HTML report.

    \b
    Examples:
      heartline report reading.json -o report.html
      heartline report 2d711642b726b044 -o report.html      # a story of the library
    """
    from pathlib import Path

    from .outputs import atomic_write
    from .report import load_reading, render_html, report_path

    if Path(reading).exists() or reading.lower().endswith(".json"):
        atomic_write(output or report_path(reading), render_html(load_reading(reading)))
        return
    from .library.cli import story_for_report
    from .story import Story

    story = Story.from_dict(story_for_report(reading, library))
    atomic_write(output or f"{reading}.html", render_html(story))


@evaluate_group.command("feelings", context_settings=CONTEXT)
@click.option("--gold", type=click.Path(dir_okay=False), help="Gold JSONL (default: heartline's own feelings set).")
@click.option(
    "--upstream",
    type=click.Choice(["gold", "pipeline"]),
    default="gold",
    show_default=True,
    help="Characters and speakers from the gold file, or from the real steps.",
)
@click.option("--model", default=None, help="Emotion model folder or name (default: the shipped one).")
@explain_errors
def evaluate_feelings_cmd(gold: str | None, upstream: str, model: str | None) -> None:
    """Experiencer and target F1 of the feelings step (model, lexicon and both), as JSON.

    \b
    Example:
      heartline evaluate feelings --upstream pipeline
    """
    import json

    from .evaluate.feelings import evaluate_feelings

    click.echo(json.dumps(evaluate_feelings(gold, upstream=upstream, emotions_model=model), indent=1))


@evaluate_group.command("pdnc", context_settings=CONTEXT)
@click.option("--data", required=True, type=click.Path(file_okay=False), help="Folder with one folder per PDNC novel.")
@click.option("--novel", "novels", multiple=True, help="Only this novel folder (repeatable).")
@click.option("--steps", default="segment,characters,speakers", show_default=True, help="Steps to run on each novel.")
@explain_errors
def evaluate_pdnc_cmd(data: str, novels: tuple[str, ...], steps: str) -> None:
    """Speaker accuracy (explicit, anaphoric, implicit) and quote detection on PDNC novels, as JSON.

    \b
    Example:
      heartline evaluate pdnc --data ../shared/data/pdnc/data --novel Persuasion
    """
    import json

    from .evaluate.pdnc import evaluate_pdnc

    click.echo(json.dumps(evaluate_pdnc(data, list(novels) or None, steps=steps), indent=1))


@evaluate_group.command("litbank", context_settings=CONTEXT)
@click.option("--data", required=True, type=click.Path(file_okay=False), help="LitBank's root folder (with coref/).")
@click.option("--steps", default="segment,characters,speakers", show_default=True, help="Steps to run on each text.")
@click.option(
    "--paragraphs",
    is_flag=True,
    help="Only quote speakers, read on each excerpt's span of the original text (paragraphs kept).",
)
@explain_errors
def evaluate_litbank_cmd(data: str, steps: str, paragraphs: bool) -> None:
    """Person-mention detection F1 and the share of mentions resolved to the right character, as JSON.

    With --paragraphs: who says each quote (explicit and other), on the original text's paragraphs.

    \b
    Example:
      heartline evaluate litbank --data ../shared/data/litbank
      heartline evaluate litbank --data ../shared/data/litbank --paragraphs
    """
    import json

    from .evaluate.litbank import evaluate_litbank, evaluate_litbank_paragraphs

    run = evaluate_litbank_paragraphs if paragraphs else evaluate_litbank
    click.echo(json.dumps(run(data, steps=steps), indent=1))


# --- the library: add, find, similar, show, list, remove, export (heartline.library.cli) ----------------
from .library import cli as library_cli  # noqa: E402

for _command in library_cli.COMMANDS:
    main.add_command(_command)

from .web.cli import serve  # noqa: E402  (the web extra is imported only when serve runs)

main.add_command(serve)

# --- batch: a corpus into Parquet, locally or on Ray (heartline.batch.cli) -------------------------------
from .batch.cli import batch as _batch_command  # noqa: E402

main.add_command(_batch_command)
