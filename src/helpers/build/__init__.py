"""Maintainers' tools run by the Makefile: execute notebooks, lock the environment."""
