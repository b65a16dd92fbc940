"""The web stage: what only the web site shows."""
