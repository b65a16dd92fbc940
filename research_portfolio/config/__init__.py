"""The settings: their table and checks, and the engine's defaults."""
