"""Documentation portal: explicit pages and a header that follows navigation."""

import rio


class Header(rio.Component):
    current_path: str = ""
    visits: int = 0

    def __post_init__(self) -> None:
        self.current_path = self.session.active_page_url.path
        self.visits = 1

    @rio.event.on_page_change
    def _on_page_change(self) -> None:
        self.current_path = self.session.active_page_url.path
        self.visits += 1

    def build(self) -> rio.Component:
        return rio.Row(
            rio.Button("Home", on_press=lambda: self.session.navigate_to("/")),
            rio.Button(
                "Install guide",
                on_press=lambda: self.session.navigate_to("/guide/install"),
            ),
            rio.Spacer(),
            rio.Text(f"You are at: {self.current_path}"),
            rio.Text(f"Pages visited: {self.visits}", style="dim"),
            spacing=1,
            margin=1,
        )


class Root(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(Header(), rio.PageView(grow_y=True), spacing=1)


def home() -> rio.Component:
    return rio.Text("Welcome to the docs", style="heading1", align_y=0)


class GuidePage(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Guide", style="heading1"),
            rio.PageView(grow_y=True),
            align_y=0,
        )


def install() -> rio.Component:
    return rio.Markdown("## Installing\n\nRun `pip install our-tool`.")


def usage() -> rio.Component:
    return rio.Markdown("## Using it\n\nRun `our-tool --help`.")


app = rio.App(
    name="Docs Portal",
    build=Root,
    pages=[
        rio.ComponentPage(name="Home", url_segment="", build=home),
        rio.ComponentPage(
            name="Guide",
            url_segment="guide",
            build=GuidePage,
            children=[
                rio.ComponentPage(name="Install", url_segment="install", build=install),
                rio.ComponentPage(name="Usage", url_segment="usage", build=usage),
            ],
        ),
    ],
)
