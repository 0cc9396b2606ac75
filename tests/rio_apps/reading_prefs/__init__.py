"""Reading preferences kept in UserSettings, one field without a default."""

import rio


class ReadingSettings(rio.UserSettings):
    # No default: the app supplies the value when it makes the settings.
    reader_name: str
    font_scale: float = 1.0
    night_mode: bool = False


class PreferencesPage(rio.Component):
    def _toggle_night_mode(self) -> None:
        settings = self.session[ReadingSettings]
        settings.night_mode = not settings.night_mode
        # UserSettings are attachments: assigning saves them, rebuilding
        # this component shows the new value.
        self.force_refresh()

    def _bigger(self) -> None:
        settings = self.session[ReadingSettings]
        settings.font_scale = round(settings.font_scale + 0.25, 2)
        self.force_refresh()

    def build(self) -> rio.Component:
        settings = self.session[ReadingSettings]
        mode = "on" if settings.night_mode else "off"
        return rio.Column(
            rio.Text(f"Hello, {settings.reader_name}", style="heading2"),
            rio.Text(f"Night mode is {mode}"),
            rio.Text(f"Font scale: {settings.font_scale}"),
            rio.Row(
                rio.Button("Toggle night mode", on_press=self._toggle_night_mode),
                rio.Button("Bigger text", on_press=self._bigger, style="minor"),
                spacing=1,
            ),
            spacing=1,
            margin=2,
            align_y=0,
        )


app = rio.App(
    name="Reading Preferences",
    build=PreferencesPage,
    default_attachments=[ReadingSettings(reader_name="guest")],
)
