"""Writers: turn views and machine-readable data into text, JSON, CSV, annotations and files."""
