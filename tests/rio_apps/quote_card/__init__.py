"""Format a quote: text styling parameters, TextStyle and escaped Markdown."""

import rio


class QuoteCard(rio.Component):
    quote: str
    author: str = "Unknown"
    _: rio.KW_ONLY
    tags: list[str] = rio.field(default_factory=lambda: ["wisdom"])
    highlight: rio.Color = rio.Color.from_hex("#e76f51")

    def build(self) -> rio.Component:
        return rio.Card(
            rio.Column(
                rio.Text(
                    f"\u201c{self.quote}\u201d",
                    font_size=1.6,
                    italic=True,
                    overflow="wrap",
                ),
                rio.Text(
                    f"\u2014 {self.author}",
                    font_weight="bold",
                    fill=self.highlight,
                    justify="right",
                ),
                rio.Text(
                    " \u00b7 ".join(self.tags),
                    style=rio.TextStyle(all_caps=True, font_size=0.8),
                ),
                spacing=1,
                margin=2,
            ),
        )


class QuoteEditor(rio.Component):
    text: str = "Simplicity is *the* ultimate sophistication"
    words: int = 5

    def _on_confirm(self, event: rio.TextInputConfirmEvent) -> None:
        self.text = event.text
        self.words = len(event.text.split())

    def build(self) -> rio.Component:
        return rio.Column(
            QuoteCard(self.text, "Leonardo", tags=["design", "craft"]),
            rio.TextInput(text=self.text, label="Quote", on_confirm=self._on_confirm),
            # escape_markdown keeps the user's asterisks as they typed them.
            rio.Markdown(f"Source: {rio.escape_markdown(self.text)}"),
            rio.Text(f"Words: {self.words}", strikethrough=self.words > 12),
            spacing=1.5,
            margin=2,
            align_y=0,
        )


app = rio.App(name="Quote Card", build=QuoteEditor)
