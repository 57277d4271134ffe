"""The hand-in: the whole investigation as one self-contained HTML file, and its tables as CSV."""

from helpers.report.exports import EXPORTS, export_tables
from helpers.report.write import report_html, write_report

__all__ = ["EXPORTS", "export_tables", "report_html", "write_report"]
