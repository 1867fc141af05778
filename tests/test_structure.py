"""The package's shape: every module has ``__all__``, no module imports another's private names, and no
import cycle, counting imports inside functions and under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from pathlib import Path

import heartline

PACKAGE = Path(heartline.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()
PACKAGES = {m for m, p in MODULES.items() if p.name == "__init__.py"}


def _imports(mod: str) -> list[tuple[str, str | None]]:
    """(module imported, name imported from it or None) for every import in ``mod``'s file."""
    tree = ast.parse(MODULES[mod].read_text(encoding="utf-8"))
    base = mod.split(".") if mod in PACKAGES else mod.split(".")[:-1]
    out: list[tuple[str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                target = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.append((sub, None) if sub in MODULES else (target, a.name))
    return out


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for mod in MODULES:
        for target, _ in _imports(mod):
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if not target or target == mod or (target in PACKAGES and mod.startswith(target + ".")):
                continue
            edges[mod].add(target)
            parts = target.split(".")
            for i in range(2, len(parts)):  # importing a.b.c runs a.b's __init__ first
                parent = ".".join(parts[:i])
                if parent in PACKAGES and parent != mod and not mod.startswith(parent + "."):
                    edges[mod].add(parent)
    return edges


def test_every_module_has_a_docstring_and_all():
    for mod, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{mod} has no docstring"
        assigned = [t for n in tree.body if isinstance(n, ast.Assign) for t in n.targets]
        assigned += [n.target for n in tree.body if isinstance(n, ast.AnnAssign)]
        names = {t.id for t in assigned if isinstance(t, ast.Name)}
        assert "__all__" in names, f"{mod} has no __all__"


def test_no_module_imports_another_modules_private_names():
    private = [
        f"{mod} imports {target}.{name}"
        for mod in MODULES
        for target, name in _imports(mod)
        if name and name.startswith("_") and not name.startswith("__") and target.startswith("heartline")
    ]
    assert private == []


def test_no_import_cycles():
    edges = _edges()
    cycles = []
    for start in MODULES:  # a cycle through ``start``: ``start`` reachable from one of its imports
        seen, todo = set(), list(edges[start])
        while todo:
            m = todo.pop()
            if m == start:
                cycles.append(start)
                break
            if m not in seen:
                seen.add(m)
                todo += edges[m]
    assert cycles == []
