"""Maintainers' tools run by the Makefile (never imported by the notebooks): execute the
notebooks from their text sources, navigation and launch links, slides, site, student edition,
lock file, benchmark."""
