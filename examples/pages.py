"""A multi-page app: a navigation bar, nested pages, a guard and a login.

Try /, /docs, /docs/api?topic=guards, /account (redirects to /login until you
log in) and an unknown URL such as /nowhere.
"""

from __future__ import annotations

import dataclasses

import rio_desktop as rio


@dataclasses.dataclass
class Credentials:
    logged_in: bool = False


class NavBar(rio.Component):
    def build(self) -> rio.Component:
        def go(url: str):
            return lambda: self.session.navigate_to(url)

        current = [page.name for page in self.session.active_page_instances]
        return rio.Row(
            rio.Button("Home", style="plain", on_press=go("/")),
            rio.Button("Docs", style="plain", on_press=go("/docs")),
            rio.Button("Account", style="plain", on_press=go("/account")),
            rio.Text(" > ".join(current) or "-", align_y=0.5, margin_left=2),
            spacing=0.5,
            margin=0.5,
        )


class Root(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(NavBar(), rio.PageView(grow_y=True, margin=1))


class Home(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("Welcome home", style="heading1")


class Docs(rio.Component):
    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Documentation", style="heading1"),
            rio.Row(
                rio.Button("Intro", on_press=lambda: self.session.navigate_to("intro")),
                rio.Button(
                    "API", on_press=lambda: self.session.navigate_to("/docs/api")
                ),
                spacing=1,
                align_x=0,
            ),
            # The sub-page of /docs: /docs/intro (the default) or /docs/api.
            rio.PageView(),
            spacing=1,
        )


class Intro(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("Chapter 1: Introduction")


class Api(rio.Component):
    def build(self) -> rio.Component:
        topic = self.session.active_page_url.query.get("topic", "everything")
        return rio.Text(f"API reference: {topic}")


class Account(rio.Component):
    def build(self) -> rio.Component:
        return rio.Text("Your account")


class Login(rio.Component):
    def _log_in(self) -> None:
        self.session[Credentials].logged_in = True
        target = self.session.active_page_url.query.get("next", "/")
        self.session.navigate_to(target, replace=True)

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Please log in"),
            rio.Button("Log in", on_press=self._log_in),
            spacing=1,
            align_x=0,
        )


def require_login(event: rio.GuardEvent) -> str | None:
    if event.session[Credentials].logged_in:
        return None
    return "/login?next=/account"


app = rio.App(
    build=Root,
    name="Pages",
    default_attachments=[Credentials()],
    pages=[
        rio.ComponentPage(name="Home", url_segment="", build=Home),
        rio.ComponentPage(
            name="Docs",
            url_segment="docs",
            build=Docs,
            children=[
                rio.ComponentPage(name="Intro", url_segment="", build=Intro),
                rio.ComponentPage(name="Intro", url_segment="intro", build=Intro),
                rio.ComponentPage(name="API", url_segment="api", build=Api),
            ],
        ),
        rio.ComponentPage(
            name="Account", url_segment="account", build=Account, guard=require_login
        ),
        rio.ComponentPage(name="Login", url_segment="login", build=Login),
    ],
)

if __name__ == "__main__":
    app.run_in_window()
