"""Helpers for the Vietnam provincial Digital Transformation Index (DTI) research notebooks."""

__version__ = "0.1.0"
