"""The pybtex style: one view of each entry, in every form."""
