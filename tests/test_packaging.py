"""Every data file the package reads at run time is declared as package data, so `pip install .` ships it."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "heartline"


def test_every_non_python_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["heartline"]
    globbed = {p for pattern in patterns for p in PACKAGE.glob(pattern) if p.is_file()}
    data = {
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    }
    assert data, "the package has data files (model, schema, report assets)"
    missing = sorted(str(p.relative_to(PACKAGE)) for p in data - globbed)
    assert not missing, f"not declared in [tool.setuptools.package-data]: {missing}"


@pytest.mark.parametrize("name", ["emotions-minilm-v1", "emotions-minilm-l2-v6"])
def test_no_stray_files_beside_the_model(name):
    model = PACKAGE / "models" / name
    names = {p.name for p in model.iterdir()}
    assert {"model.onnx", "tokenizer.json", "labels.json", "thresholds.json", "MODEL_CARD.md"} <= names
    assert not any(fnmatch.fnmatch(n, "*.pt") for n in names), "torch checkpoints stay out of the package"
    assert (model / "model.onnx").stat().st_size <= 30e6  # a shipped model is at most 30 MB


SUPPORTED = ("3.11", "3.12", "3.13")


def _requirements() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {"run time": project["dependencies"], **project.get("optional-dependencies", {})}


def test_requires_python_is_exactly_the_supported_versions():
    from packaging.specifiers import SpecifierSet

    spec = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"])
    assert all(f"{v}.0" in spec for v in SUPPORTED)
    assert "3.10.12" not in spec and "3.14.0" not in spec


@pytest.mark.parametrize("python", SUPPORTED)
def test_every_requirement_is_one_exact_pin_on_each_supported_python(python):
    from packaging.requirements import Requirement

    for group, lines in _requirements().items():
        seen: dict[str, str] = {}
        for line in lines:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"python_version": python, "extra": ""}):
                continue
            specs = list(req.specifier)
            assert len(specs) == 1 and specs[0].operator == "==", f"{group}: {line} is not an exact pin"
            assert req.name not in seen, f"{group}: {req.name} pinned twice on Python {python}"
            seen[req.name] = specs[0].version
        if group == "run time":
            assert {"spacy", "thinc", "blis", "numpy"} <= set(seen), f"a spaCy stack on Python {python}"
