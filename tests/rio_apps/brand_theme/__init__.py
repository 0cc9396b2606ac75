"""A product page in the company's colours, light and dark."""

import rio

LIGHT, DARK = rio.Theme.pair_from_colors(
    primary_color=rio.Color.from_hex("#6c2bd9"),
    secondary_color=rio.Color.from_hex("#ff9f1c"),
    neutral_color=rio.Color.from_hex("#f4f0fb"),
    corner_radius_small=0.2,
    corner_radius_medium=0.5,
    corner_radius_large=1.0,
    heading_fill="primary",
)


class ProductPage(rio.Component):
    quantity: int = 1

    def _add(self) -> None:
        self.quantity += 1

    def build(self) -> rio.Component:
        theme = self.session.theme
        return rio.Column(
            rio.Text("Aurora Lamp", style="heading1"),
            rio.Text("Warm light for long evenings."),
            rio.Card(
                rio.Column(
                    rio.Text(f"In your basket: {self.quantity}"),
                    rio.Row(
                        rio.Button("Add one", on_press=self._add, color="secondary"),
                        rio.Button("Checkout", style="minor"),
                        spacing=1,
                    ),
                    spacing=1,
                    margin=1.5,
                ),
                color="neutral",
            ),
            rio.Text(
                f"Dark theme: {'yes' if not theme.is_light_theme else 'no'}",
                style="dim",
            ),
            spacing=1.5,
            margin=2,
            align_y=0,
        )


app = rio.App(
    name="Aurora",
    build=ProductPage,
    theme=(LIGHT, DARK),
)
