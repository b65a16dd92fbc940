"""The command line: new, upgrade, add."""
