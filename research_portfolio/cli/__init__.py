"""The command line: new, upgrade."""
