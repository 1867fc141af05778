"""``python -m heartline``: the same as the ``heartline`` command."""

from heartline.cli import main

__all__: list[str] = []


if __name__ == "__main__":
    main(prog_name="heartline")
