"""heartline.language.blas on the real blis: what BLIS chose is reported, and each kernel set it can be switched to
gives right products. Each case runs in a child process, since the switch changes the process's BLIS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from heartline.language.blas import ENV_VAR, BlisKernels, use_fast_kernels

SRC = str(Path(__file__).resolve().parent.parent / "src")
KNOWN = {
    "generic",
    "haswell",
    "skx",
    "knl",
    "zen",
    "zen2",
    "zen3",
    "sandybridge",
    "penryn",
    "excavator",
    "steamroller",
    "piledriver",
    "bulldozer",
    "firestorm",
    "cortexa57",
    "cortexa53",
    "power9",
}

# In the child: switch (or not) as the environment says, then one product of every shape class spaCy
# uses (thin, square, one row), checked against numpy.
CHILD = """
import json
import numpy as np
import blis.py
from heartline.language.blas import use_fast_kernels
k = use_fast_kernels()
rng = np.random.default_rng(1)
ok = True
for m, k_, n in [(256, 96, 384), (300, 300, 300), (1, 64, 100), (2000, 96, 288)]:
    a = rng.standard_normal((m, k_), dtype=np.float32)
    b = rng.standard_normal((k_, n), dtype=np.float32)
    ok &= bool(np.allclose(blis.py.gemm(a, b), a @ b, rtol=1e-3, atol=1e-3))
print(json.dumps({**k.as_dict(), "products_ok": ok}))
"""


def _child(kernels: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    if kernels is not None:
        env[ENV_VAR] = kernels
    p = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_reports_what_blis_chose_here():
    k = use_fast_kernels()
    assert isinstance(k, BlisKernels)
    assert k.blis == version("blis")
    assert k.detected in KNOWN
    if os.environ.get(ENV_VAR) is None:
        # a CPU BLIS knows keeps BLIS's choice; an unknown one gets a kernel set, never stays generic with AVX2
        assert k.used == k.detected or (k.detected == "generic" and k.used in {"zen2", "haswell"}), k


def test_left_alone_when_asked():
    k = _child("keep")
    assert k["used"] == k["detected"] and k["reason"].endswith("=keep") and k["products_ok"]


@pytest.mark.parametrize("kernels", ["generic", "haswell", "zen2"])
def test_each_kernel_set_gives_right_products(kernels):
    flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    if kernels != "generic" and not all(f" {f}" in flags for f in ("avx2", "fma")):
        pytest.skip("this CPU cannot run AVX2/FMA kernels")
    k = _child(kernels)
    assert k["used"] == kernels, k
    assert k["products_ok"], k


def test_an_unknown_kernel_name_changes_nothing():
    k = _child("nonesuch")
    assert k["used"] == k["detected"] and "no such kernels" in k["reason"] and k["products_ok"]
