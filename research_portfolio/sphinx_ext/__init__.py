"""The Sphinx stage: what runs while a site is read and written (the database, lists, rebuilds, ...)."""
