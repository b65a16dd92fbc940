"""Writing a value into another language's text: one module per format, each turning any text into that format's text.

A setting, an environment variable, a command-line argument or a .bib field is data: whatever it
holds, the format it is written into reads it back as the same text, never as markup or code. Each
writer escapes at the moment it writes, with the module of its format; nothing here is process-wide
and nothing here imports the rest of the engine.
"""
