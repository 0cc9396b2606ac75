"""A members area behind a login, with a guard and an old URL redirected."""

from dataclasses import dataclass

import rio


@dataclass
class Account:
    user: str | None = None


def require_login(event: rio.GuardEvent) -> str | None:
    if event.session[Account].user is None:
        return "/login"
    return None


class LoginPage(rio.Component):
    def _log_in(self) -> None:
        self.session[Account].user = "sam"
        self.session.navigate_to("/members")

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text("Please log in", style="heading1"),
            rio.Button("Log in as Sam", on_press=self._log_in),
            spacing=1,
            align_x=0.5,
            align_y=0.3,
        )


class MembersPage(rio.Component):
    def build(self) -> rio.Component:
        user = self.session[Account].user
        return rio.Column(
            rio.Text(f"Members only: welcome back, {user}", style="heading1"),
            rio.Text("Here are this month's meeting notes."),
            spacing=1,
            align_y=0,
        )


def landing() -> rio.Component:
    return rio.Text("Public landing page", style="heading1")


def on_session_start(session: rio.Session) -> None:
    # Each visitor gets their own Account (attachments are shared otherwise).
    session.attach(Account())


app = rio.App(
    name="Members Area",
    pages=[
        rio.ComponentPage(name="Home", url_segment="", build=landing),
        rio.ComponentPage(name="Login", url_segment="login", build=LoginPage),
        rio.ComponentPage(
            name="Members",
            url_segment="members",
            build=MembersPage,
            guard=require_login,
        ),
        rio.Redirect(url_segment="club", target="/members"),
    ],
    on_session_start=on_session_start,
)
