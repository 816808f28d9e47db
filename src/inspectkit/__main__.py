"""``python -m inspectkit`` runs the CLI."""

from inspectkit.cli import main

main()
