"""``python -m heartline``: the same as the ``heartline`` command."""

from heartline.cli import main

if __name__ == "__main__":
    main(prog_name="heartline")
