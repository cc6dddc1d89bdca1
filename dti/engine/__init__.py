"""The engine: submission matrices, the rules registry, validation and scoring."""
