"""``python -m stikg`` is the ``stikg`` command."""

from stikg.cli import main

main()
