"""Legal and policy documents: summaries, in-force status, replacement chains."""
