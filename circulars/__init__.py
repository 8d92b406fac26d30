"""circulars: read Thai official letters (หนังสือราชการ) into structured records.

The public entry points are :func:`circulars.pipeline.extract_file` (one file to a
:class:`circulars.models.Document`) and the ``circulars`` command line.
"""

__version__ = "0.1.0"
SCHEMA_ID = "circulars/document@1"
