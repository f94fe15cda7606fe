"""Coordination plans, their targets, reported progress, and computed target status."""
