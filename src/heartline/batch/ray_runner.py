"""The Ray runner: Ray Data reads the files, a pool of actors reads the stories, the driver writes shards.

::

    read_binary_files(paths, include_paths=True)        one row per file: its bytes and path
      .map_batches(StoryReader, compute=ActorPoolStrategy(size=actors), num_cpus=actor_cpus, batch_size=1)
      .iter_batches()                                   outcomes stream back to the driver as they finish

Each actor loads the pipeline (spaCy, the emotion model, the speaker ranker) once, when it starts, and
runs model inference on ``actor_cpus`` threads; Ray reserves ``actor_cpus`` CPUs for it, so a cluster with
C CPUs runs C / actor_cpus stories at a time. One CPU per actor is the best use of CPUs (the pipeline is
mostly single-threaded Python); more per actor only makes each story finish sooner.

Ray Data hands an actor a file's bytes, not a path on its node, so the actor writes them to a temporary
file of the same name and reads that with ``work.read_file``: the reading (whose ``source`` is the file's
name) is the one the local runner gives. The driver maps the path back to the one given on the command
line and writes the shards (``heartline.batch.store``), so the output folder only has to be writable on
the driver's machine; the story files must be readable from every node (a shared file system).
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from ..errors import HeartlineError, require
from ..tables import TABLES
from .store import story_tables, table_from_bytes, tables_to_bytes
from .work import Outcome, read_file

__all__ = ["OUTCOME_COLUMNS", "StoryReader", "read_with_ray", "reader_for_bytes", "require_ray"]

OUTCOME_COLUMNS = ("path", "content_hash", "story_id", "error", "words", "seconds", *(f"rows_{t}" for t in TABLES))
WARM_UP = "“Come in,” Mara said to Theo. He smiled, glad to see her.\n\n“Thank you,” Theo said."


def _outcome_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("path", pa.string()),
            ("content_hash", pa.string()),
            ("story_id", pa.string()),
            ("error", pa.string()),
            ("words", pa.int64()),
            ("seconds", pa.float64()),
            *((f"rows_{t}", pa.large_binary()) for t in TABLES),
        ]
    )


def reader_for_bytes(data: bytes, path: str, steps: Sequence[str] | None = None) -> Outcome:
    """Read a story given as bytes (and the path it came from), as ``read_file`` reads that path."""
    name = Path(path).name or "story.txt"
    with tempfile.TemporaryDirectory(prefix="heartline-") as tmp:
        local = Path(tmp) / name
        local.write_bytes(data)
        outcome = read_file(local, steps)
    outcome.path = path
    if outcome.error:
        outcome.error = outcome.error.replace(str(local), path)
    return outcome


class StoryReader:
    """The Ray Data actor: loads the pipeline once, then turns each batch of files into outcomes."""

    def __init__(self, steps: Sequence[str] | None, threads: int) -> None:
        os.environ["HEARTLINE_THREADS"] = str(max(1, threads))
        import heartline

        self.steps = list(steps) if steps else None
        heartline.read(text=WARM_UP, steps=self.steps)  # loads every model of the pipeline now, not on story 1

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        rows: dict[str, list[Any]] = {name: [] for name in OUTCOME_COLUMNS}
        for data, path in zip(batch["bytes"], batch["path"], strict=True):
            outcome = reader_for_bytes(bytes(data), str(path), self.steps)
            rows["path"].append(outcome.path)
            rows["content_hash"].append(outcome.content_hash)
            rows["story_id"].append(outcome.story_id)
            rows["error"].append(outcome.error)
            rows["words"].append(outcome.words)
            rows["seconds"].append(outcome.seconds)
            # the story's rows, made here and sent as Arrow: the driver only concatenates and writes them
            encoded = tables_to_bytes(story_tables(outcome))
            for table in TABLES:
                rows[f"rows_{table}"].append(encoded.get(table))
        return pa.Table.from_pydict(rows, schema=_outcome_schema())


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def require_ray() -> Any:
    """The ``ray`` module, or ``MissingExtra`` with the install hint."""
    return require("ray", "ray", "heartline batch --runner ray")


def _start(ray: Any, address: str | None, actors: int | None, actor_cpus: float) -> bool:
    """Join the cluster at ``address``, or start Ray on this machine; True when this call started it."""
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address:
        options["address"] = address
    else:
        options["include_dashboard"] = False
        if actors:
            options["num_cpus"] = max(1, math.ceil(actors * actor_cpus))
    try:
        ray.init(**options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "Ray on this machine"
        raise HeartlineError(
            f"Could not start or join {where}: {_first_line(exc)}",
            "Check --address (e.g. auto on a cluster node, or ray://HEAD:10001) and that the cluster is up",
        ) from exc
    return True


def read_with_ray(
    files: Sequence[Path],
    *,
    address: str | None = None,
    actors: int | None = None,
    actor_cpus: float = 1.0,
    steps: Sequence[str] | None = None,
) -> Generator[tuple[Outcome, dict[str, Any]], None, None]:
    """Read ``files`` on Ray with ``actors`` actors of ``actor_cpus`` CPUs each, yielding each outcome
    (without its reading) and the story's rows as Arrow tables (``store.story_tables``), as its block
    finishes. Starts Ray on this machine when ``address`` is None and Ray is not running,
    and stops it again at the end."""
    if not files:
        return
    require_ray()  # MissingExtra with the install hint when Ray is not installed
    import ray
    import ray.data

    started = _start(ray, address, actors, actor_cpus)
    try:
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # per-operator logs and "progress bars disabled"
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the batch command shows its own progress
        context.print_on_execution_start = False
        context.enable_auto_log_stats = False
        if not actors:
            actors = max(1, int(ray.cluster_resources().get("CPU", 1) // actor_cpus))
        actors = min(actors, len(files))  # an actor with no file would only load the models
        given = {os.path.abspath(p): str(p) for p in files}
        # about two stories per block: small enough that the last blocks spread over the actors
        num_blocks = min(len(files), max(2 * actors, math.ceil(len(files) / 2)))
        dataset = ray.data.read_binary_files(
            list(given), include_paths=True, override_num_blocks=num_blocks, num_cpus=0
        ).map_batches(
            StoryReader,
            fn_constructor_kwargs={"steps": list(steps) if steps else None, "threads": max(1, int(actor_cpus))},
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=actor_cpus,
            batch_size=1,
            batch_format="numpy",
        )
        blocks = iter(dataset.iter_batches(batch_size=None, batch_format="pyarrow"))
        while True:
            try:
                table: Any = next(blocks)
            except StopIteration:
                break
            except Exception as exc:  # Ray's own failure (an actor killed for memory, a node lost)
                raise HeartlineError(
                    f"The Ray job stopped: {_first_line(exc)}",
                    "The stories read so far are saved; run the same command again to go on. If actors ran "
                    "out of memory, give each more (--actor-cpus 2 halves the actors per node)",
                ) from exc
            for row in table.to_pylist():
                path = given.get(os.path.abspath(row["path"]), row["path"])
                error = row["error"]
                if error and path != row["path"]:
                    error = error.replace(row["path"], path)
                outcome = Outcome(
                    path=path,
                    content_hash=row["content_hash"],
                    story_id=row["story_id"],
                    reading=None,
                    error=error,
                    words=int(row["words"] or 0),
                    seconds=float(row["seconds"] or 0.0),
                )
                tables = {t: table_from_bytes(row[f"rows_{t}"]) for t in TABLES if row[f"rows_{t}"] is not None}
                yield outcome, tables
    finally:
        if started:
            ray.shutdown()
