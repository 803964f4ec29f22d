"""Geopandas layers of the Corredores data package: loading, validation and derivation."""
