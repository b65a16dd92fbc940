"""The command line's parts: making a new site, upgrading one, and what they read first."""
