"""The report's HTML as tests read it: its tags, its tables by class, its images' alt texts."""

from html.parser import HTMLParser


class ReportPage(HTMLParser):
    """The tags of a page (name, attributes), its tables by class (``kr-…``: rows of cell texts)
    and its images' alt texts."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.alts: list[str] = []
        self._table = None
        self._row = None
        self._cell = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "img":
            self.alts.append(attrs.get("alt", ""))
        if tag == "table":
            name = next((c for c in (attrs.get("class") or "").split() if c.startswith("kr-")),
                        "")
            self._table = self.tables.setdefault(name, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def images(self) -> list[dict]:
        return [attrs for tag, attrs in self.tags if tag == "img"]

    def rows(self, table: str, first: str) -> list[list[str]]:
        return [r for r in self.tables.get(table, []) if r and r[0] == first]
