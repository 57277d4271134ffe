"""The hand-in: the whole investigation as one self-contained HTML file, and its tables as CSV."""

from helpers.report.write import export_tables, report_html, write_report

__all__ = ["export_tables", "report_html", "write_report"]
