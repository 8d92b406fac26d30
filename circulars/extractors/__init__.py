"""Field extractors: each reads one kind of value from a letter's text."""
