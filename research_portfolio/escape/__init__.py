"""Writers of values into output formats: one module per format, each escaping what that format needs."""
