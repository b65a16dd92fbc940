"""The command line's commands, each a module: ``new``, ``upgrade``, ``add``."""
