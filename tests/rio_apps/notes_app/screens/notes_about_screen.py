import rio


# No order: pages without one come after those that have one.
@rio.page(name="About", url_segment="about")
def about_screen() -> rio.Component:
    return rio.Text("Notes 1.0, made with Rio", align_y=0)
