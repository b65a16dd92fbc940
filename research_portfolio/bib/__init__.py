"""Reading the .bib: source positions, @preamble, crossref, fields, entries, preprints, page names."""
