"""Recipe search whose query lives in the URL (?q=...)."""

from __future__ import annotations

import rio

RECIPES = ["Tomato soup", "Pea soup", "Apple pie", "Tomato salad", "Lentil stew"]


class SearchPage(rio.Component):
    q: rio.QueryParameter[str] = ""
    limit: rio.QueryParameter[int] = 10

    def _search(self, event: rio.TextInputConfirmEvent) -> None:
        self.session.navigate_to(f"/?q={event.text}")

    def build(self) -> rio.Component:
        hits = [r for r in RECIPES if self.q.lower() in r.lower()][: self.limit]
        title = f"Results for {self.q}" if self.q else "All recipes"
        return rio.Column(
            rio.TextInput(text=self.q, label="Search", on_confirm=self._search),
            rio.Text(title, style="heading2"),
            *[rio.Text(hit, justify="left") for hit in hits],
            rio.Text(f"{len(hits)} found", style="dim"),
            spacing=1,
            margin=2,
            align_y=0,
        )


app = rio.App(
    name="Recipe Search",
    pages=[rio.ComponentPage(name="Search", url_segment="", build=SearchPage)],
)
