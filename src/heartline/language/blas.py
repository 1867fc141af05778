"""Fast BLIS kernels for spaCy on CPUs that the bundled BLIS does not recognise.

spaCy's models do their matrix products in thinc, through the ``blis`` package, which bundles BLIS and
picks a kernel set (a "sub-configuration") for the CPU on first use. Which sets it knows depends on the
bundled BLIS:

- blis 1.0 (the pin on Python 3.11 and 3.12) knows Intel up to Skylake-X and AMD up to Zen 2, and runs
  Zen 2 kernels on AMD family 0x19 (Zen 3, Zen 4);
- blis 1.3 (the only blis that thinc's Python 3.13 wheels accept) bundles an older BLIS, whose AMD table
  stops at family 0x17 (Zen, Zen 2).

On a CPU outside the table (blis 1.3 on Zen 3 and Zen 4, any blis on Zen 5, family 0x1A) BLIS runs its
``generic`` kernels: portable C, no AVX2, which run spaCy's tagger and parser at less than half speed. Neither blis
has a setting for this at run time: ``BLIS_ARCH`` is read only when blis is compiled from source, and
``BLIS_ARCH_TYPE`` only by blis 1.0.

:func:`use_fast_kernels` mends it: when BLIS has settled on ``generic`` on an x86-64 CPU that has AVX2
and FMA, it fills BLIS's kernel context with the Zen 2 kernels (AMD) or the Haswell kernels (others)
that are compiled into the same library, what blis 1.0 does by itself on Zen 3 and Zen 4, then checks a
product against numpy and goes back to ``generic`` if it differs. It changes nothing on CPUs that BLIS
recognises. ``HEARTLINE_BLIS_KERNELS=keep`` leaves BLIS's choice alone; ``HEARTLINE_BLIS_KERNELS=NAME``
(``zen2``, ``haswell``, ``skx``, ``generic``) uses that kernel set whatever BLIS chose, for measuring.
"""

from __future__ import annotations

import ctypes
import os
import platform
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["ENV_VAR", "BlisKernels", "use_fast_kernels"]

ENV_VAR = "HEARTLINE_BLIS_KERNELS"
_KNOWN = ("generic", "haswell", "skx", "zen", "zen2")


@dataclass(frozen=True)
class BlisKernels:
    """What BLIS chose for this CPU (``detected``), the kernel set in use (``used``) and why."""

    blis: str
    detected: str
    used: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Blis:
    """The BLIS inside the loaded ``blis.cy`` module (thinc and spaCy run their products through it)."""

    def __init__(self) -> None:
        import blis.cy

        # Opening the module's own file returns the handle the interpreter already holds: same BLIS state.
        self.lib = ctypes.CDLL(blis.cy.__file__)
        self.lib.bli_arch_query_id.restype = ctypes.c_int
        self.lib.bli_arch_string.restype = ctypes.c_char_p
        self.lib.bli_arch_string.argtypes = [ctypes.c_int]
        self.lib.bli_gks_query_cntx.restype = ctypes.c_void_p

    def detected(self) -> str:
        return (self.lib.bli_arch_string(self.lib.bli_arch_query_id()) or b"?").decode()

    def has(self, kernels: str) -> bool:
        return hasattr(self.lib, f"bli_cntx_init_{kernels}")

    def load(self, kernels: str) -> None:
        """Fill the context BLIS works with (its one native context) with ``kernels``' kernels and block
        sizes. The context is a fixed-size struct, and BLIS's packing pools grow when a block size does."""
        init = getattr(self.lib, f"bli_cntx_init_{kernels}")
        init.argtypes = [ctypes.c_void_p]
        init.restype = None
        init(self.lib.bli_gks_query_cntx())


def _blis_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("blis")
    except PackageNotFoundError:
        return "?"


def _cpu() -> tuple[str, set[str]]:
    """The CPU's vendor id and feature flags (Linux; empty elsewhere)."""
    vendor, flags = "", set()
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key == "vendor_id" and not vendor:
                vendor = value.strip()
            elif key == "flags":
                flags = set(value.split())
                break
    except OSError:
        pass
    return vendor, flags


def _fast_kernels_for_cpu() -> str | None:
    """The kernel set to use instead of ``generic`` on this CPU, or None when none is safe to run."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    vendor, flags = _cpu()
    if not {"avx", "avx2", "fma"} <= flags:
        return None
    return "zen2" if vendor == "AuthenticAMD" else "haswell"


def _products_match() -> bool:
    import blis.py
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.standard_normal((67, 45), dtype=np.float32)
    b = rng.standard_normal((45, 83), dtype=np.float32)
    return bool(np.allclose(blis.py.gemm(a, b), a @ b, rtol=1e-4, atol=1e-4))


@lru_cache(maxsize=1)
def use_fast_kernels() -> BlisKernels:
    """Make BLIS run fast kernels where it would run ``generic`` ones (see the module docstring); once
    per process. Returns what it found and did; never raises."""
    version = _blis_version()
    try:
        blis = _Blis()
        detected = blis.detected()
    except Exception as exc:  # no blis, or a build that does not export BLIS's functions
        return BlisKernels(version, "?", "?", f"BLIS not reachable ({type(exc).__name__}); left alone")
    wanted = os.environ.get(ENV_VAR, "").strip().lower()
    if wanted == "keep":
        return BlisKernels(version, detected, detected, f"{ENV_VAR}=keep")
    if wanted:
        if wanted not in _KNOWN or not blis.has(wanted):
            return BlisKernels(version, detected, detected, f"{ENV_VAR}={wanted}: no such kernels here")
        target, reason = wanted, f"{ENV_VAR}={wanted}"
    elif detected != "generic":
        return BlisKernels(version, detected, detected, "chosen by BLIS")
    else:
        found = _fast_kernels_for_cpu()
        if found is None or not blis.has(found):
            return BlisKernels(version, detected, detected, "no faster kernels for this CPU")
        target, reason = found, "BLIS does not know this CPU; it has AVX2 and FMA"
    blis.load(target)
    if not _products_match():
        blis.load(detected if blis.has(detected) else "generic")
        return BlisKernels(version, detected, detected, f"{target} kernels gave wrong products; left alone")
    return BlisKernels(version, detected, target, reason)
