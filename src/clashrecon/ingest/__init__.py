"""Reading article files into `Article` records: readers, text hygiene, boilerplate, metadata, lineage.

Nothing here imports spaCy, typer or rich.
"""

from clashrecon.ingest.discover import Discovery, discover
from clashrecon.ingest.files import FileRead, SourcedArticle, read_file

__all__ = ["Discovery", "FileRead", "SourcedArticle", "discover", "read_file"]
