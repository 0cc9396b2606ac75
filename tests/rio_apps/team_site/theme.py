import rio

THEME = rio.Theme.from_colors(
    primary_color=rio.Color.from_hex("#01dffd"),
    secondary_color=rio.Color.from_hex("#0083ff"),
    heading_fill="primary",
)
