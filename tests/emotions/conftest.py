from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def emotion_model():
    """The shipped emotion model, loaded once (offline, from the package)."""
    from heartline.emotions import load_model

    return load_model()
