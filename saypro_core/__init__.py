"""What the desktop app and the sync server share: the records and their rules, the codec, the sync
wire format and body compression.

Plain Python with no Qt, no web framework and no database: the server installs and runs without
PySide6, and both sides check every record with the same rules and bounds (a record the server
accepts is one every laptop can store, and the other way round).

    records      the record dataclasses (DESIGN.md, "Data model")
    validation   the domain rules, with messages a field officer understands
    codec        records to JSON-compatible dicts and back, strictly
    ids, clock   record ids (UUIDv7) and the hybrid logical clock of changes
    reference    competency frameworks, reflection templates, session types
    wire         the sync request and answer (pydantic models)
    compression  zstd and gzip bodies
"""
