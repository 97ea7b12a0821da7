"""The brief: one page a desk can read, forward and print, from the store's reconciled picture.

content.py reads the store into the brief's records (records.py); html_page.py and
markdown_page.py write them; chart.py and placemap.py draw the SVG; text.py keeps article
text inert; write.py puts the files on disk. Reads the store only: no spaCy, no rich.
"""

from clashrecon.report.content import build_brief
from clashrecon.report.records import Brief
from clashrecon.report.write import Format, ReportOptions, Written, report, write_brief

__all__ = ["Brief", "Format", "ReportOptions", "Written", "build_brief", "report", "write_brief"]
