"""The main window and its navigation between views."""
