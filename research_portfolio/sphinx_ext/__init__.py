"""The Sphinx glue: per-build state, directives and roles, rebuild rules, the cache."""
