"""Figures from the catalogue: the directive, the matplotlib charts, the person's card."""
