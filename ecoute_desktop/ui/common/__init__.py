"""Widgets, helpers and seams shared by every part of the window: prompts, background, models."""
