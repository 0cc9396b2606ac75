"""A newsletter sign-up form whose inputs are bound to the component."""

import rio


class SignupForm(rio.Component):
    name: str = ""
    email: str = ""
    wants_digest: bool = True
    submitted: bool = False

    def _submit(self) -> None:
        self.submitted = True

    def build(self) -> rio.Component:
        if self.submitted:
            frequency = "weekly digest" if self.wants_digest else "every post"
            summary = rio.Text(f"Thanks, {self.name}! You get the {frequency}.")
        else:
            summary = rio.Text("Not signed up yet", style="dim")

        return rio.Card(
            rio.Column(
                rio.Text("Join the newsletter", style="heading2"),
                rio.TextInput(text=self.bind().name, label="Name"),
                rio.TextInput(text=self.bind().email, label="Email"),
                rio.Row(
                    rio.Text("Weekly digest", justify="left", grow_x=True),
                    rio.Switch(is_on=self.bind().wants_digest),
                ),
                rio.Button(
                    "Sign up",
                    on_press=self._submit,
                    is_sensitive=bool(self.name),
                ),
                summary,
                spacing=1,
                margin=2,
            ),
            min_width=25,
            align_x=0.5,
            align_y=0.2,
        )


app = rio.App(name="Newsletter", build=SignupForm)
