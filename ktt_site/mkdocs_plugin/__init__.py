"""The MkDocs adapter: a typed config and a plugin whose hooks only call the core."""
