"""Benchmarks that print figures (`python -m bench`); never part of the test run."""
