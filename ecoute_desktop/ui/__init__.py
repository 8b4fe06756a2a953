"""Qt 6 widgets of Écoute: windows, views, item models and dialogs (the only layer using Qt)."""
