"""Training and evaluation of the shipped Dutch Stanza models (maintainers only)."""
