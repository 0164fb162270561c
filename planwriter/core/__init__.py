"""Headless core: the case model, case files, catalogues and rules. Never imports Qt."""
