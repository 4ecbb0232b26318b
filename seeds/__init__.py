"""Reference data and the synthetic West Sussex scenario (never a real person)."""
