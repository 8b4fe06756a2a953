"""The agenda: the week's slots and calls, booking, and the weekly slots editor."""
