"""Built-in components take Rio 0.12.3's parameters and draw Rio's defaults:
in Chromium on the module's case page (conftest.case_page: 800 x 600 px,
16 px per font-height).
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from helpers import show_cases, wait_for

import rio_desktop as rio

U = 16
W, H = 800, 600
_LIVE: dict[str, Any] = {}
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"
    "nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC"
)


class Focus(rio.Component):
    """Buttons that move the keyboard focus to one input each."""

    def build(self) -> rio.Component:
        self.inputs = {
            "text": rio.TextInput(label="Text field"),
            "number": rio.NumberInput(label="Number field"),
            "lines": rio.MultiLineTextInput(label="Lines field"),
            "choice": rio.Dropdown(["a", "b"], label="Choice field"),
            "keys": rio.KeyEventListener(rio.Text("Key area")),
        }
        buttons = [
            rio.Button(f"Focus {name}", on_press=self._focuser(name))
            for name in self.inputs
        ]
        return rio.Column(*self.inputs.values(), *buttons, spacing=0.5, align_y=0)

    def _focuser(self, name: str) -> Any:
        async def focus() -> None:
            await self.inputs[name].grab_keyboard_focus()

        return focus


CASES = {
    "start": lambda: rio.Text("Start"),
    "defaults": lambda: rio.Column(
        rio.Row(rio.Button("Pill"), rio.Text("Row end"), align_x=0),
        rio.Icon("material/castle", align_x=0),
        rio.Image(PIXEL, accessibility_description="Pixel", align_x=0),
        rio.Slider(),
        rio.Revealer("Reveal me", rio.Text("Hidden")),
        rio.Card(rio.Text("Press card"), on_press=lambda: None),
        rio.Card(rio.Text("Still card")),
        rio.Popup(
            anchor=rio.Text("Anchor"),
            content=rio.Text("Popped", margin=1),
            is_open=True,
        ),
        spacing=1,
        align_y=0,
    ),
    "flow": lambda: rio.Column(
        rio.FlowContainer(rio.Text("F1"), rio.Text("F2"), spacing=2, min_width=10),
        rio.FlowContainer(rio.Text("G1"), rio.Text("G2"), spacing=2, column_spacing=0),
        rio.FlowContainer().add(rio.Text("Added1")).add(rio.Text("Added2")),
        rio.Stack().add(rio.Text("Stacked")),
        rio.Button(rio.Text("Inner"), accessibility_label="Labelled button"),
        rio.IconButton("material/add", accessibility_label="Add a row"),
        rio.SwitcherBar(rio.SwitcherBarItem("d", "Day"), "week"),
        align_y=0,
        align_x=0,
    ),
    "focus": Focus,
}


@pytest.fixture(scope="module")
def shown(chromium):
    with show_cases(chromium, CASES, _LIVE, (W, H)) as show:
        yield show


def box(page: Any, text: str) -> dict[str, float]:
    return page.get_by_text(text, exact=True).bounding_box()


def css(locator: Any, prop: str) -> str:
    return locator.evaluate(f"e => getComputedStyle(e).{prop}")


# --- constructor parameters (no page) ------------------------------------------


@pytest.mark.parametrize(
    ("factory", "error"),
    [
        (lambda: rio.Button("Save", "material/save"), "positional"),
        (lambda: rio.Rectangle(rio.Text("x")), "positional"),
        (lambda: rio.Slider(0.3), "positional"),
        (lambda: rio.Icon("material/castle", "primary"), "positional"),
        (lambda: rio.Markdown("# x", "python"), "positional"),
    ],
)
def test_rio_keyword_only_parameters_refuse_positions(factory, error):
    """What Rio takes by keyword only is refused positionally, as in Rio."""
    with pytest.raises(TypeError, match=error):
        factory()


def test_parameter_kinds_match_rio():
    sig = inspect.signature(rio.Button)
    assert sig.parameters["content"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert sig.parameters["icon"].kind is inspect.Parameter.KEYWORD_ONLY
    assert rio.Slider().value == 0.5
    assert rio.Tooltip(rio.Text("a"), "b").accessibility_role == "tooltip"


def test_switcher_bar_takes_items_values_or_a_sequence():
    items = rio.SwitcherBar(rio.SwitcherBarItem(1, "One", "material/add"), 2)
    assert (items.values, items.names, items.icons) == (
        [1, 2],
        ["One", "2"],
        ["material/add", None],
    )
    assert rio.SwitcherBar(["a", "b"]).names == ["a", "b"]
    assert rio.SwitcherBar("x", "y").selected_value == "x"
    assert rio.SwitcherBar(values=[1, 2], names=["a", "b"]).names == ["a", "b"]
    with pytest.raises(TypeError, match="needs options"):
        rio.SwitcherBar()


# --- what the page draws -----------------------------------------------------


def test_defaults_draw_like_rio(shown):
    """Rio's defaults: pill button, 1.3 icon, 2x2 image, centred slider..."""
    page = shown("defaults", "Pill")
    button = page.locator("button.rio-button", has_text="Pill")
    height = button.bounding_box()["height"]
    # A pill: the corners are rounded by (at least) half the height.
    assert float(css(button, "borderTopLeftRadius").removesuffix("px")) >= height / 2
    icon = page.locator(".rio-icon").bounding_box()
    assert abs(icon["width"] - 1.3 * U) < 0.5 and abs(icon["height"] - 1.3 * U) < 0.5
    image = page.get_by_alt_text("Pixel").bounding_box()
    assert abs(image["width"] - 2 * U) < 0.5 and abs(image["height"] - 2 * U) < 0.5
    assert page.locator(".rio-slider input").input_value() == "0.5"
    header = page.get_by_text("Reveal me", exact=True)
    assert css(header, "fontSize") == css(page.get_by_text("Row end"), "fontSize")
    cards = page.locator(".rio-card")
    assert "rio-elevate" in cards.nth(0).get_attribute("class")
    assert "rio-elevate" not in cards.nth(1).get_attribute("class")
    popup = page.get_by_text("Popped", exact=True).locator("xpath=..")
    hud = page.evaluate(
        "() => { const e = document.createElement('div');"
        " e.style.background = 'var(--rio-hud)'; document.body.append(e);"
        " const c = getComputedStyle(e).backgroundColor; e.remove(); return c; }"
    )
    assert css(popup, "backgroundColor") == hud


def test_flow_spacing_add_and_accessibility_labels(shown):
    """`spacing` sets both gaps unless one is given; add() appends children."""
    page = shown("flow", "F1")
    f1, f2 = box(page, "F1"), box(page, "F2")
    assert abs(f2["x"] - (f1["x"] + f1["width"]) - 2 * U) < 1
    g1, g2 = box(page, "G1"), box(page, "G2")
    assert abs(g2["x"] - (g1["x"] + g1["width"])) < 1
    assert box(page, "Added2")["x"] > box(page, "Added1")["x"]
    page.get_by_text("Stacked", exact=True).wait_for()
    page.get_by_role("button", name="Labelled button").wait_for()
    page.get_by_role("button", name="Add a row").wait_for()
    page.get_by_text("Day", exact=True).wait_for()
    page.get_by_text("week", exact=True).wait_for()


@pytest.mark.parametrize(
    ("name", "selector"),
    [
        ("text", "input[aria-label='Text field']"),
        ("number", "input[aria-label='Number field']"),
        ("lines", "textarea[aria-label='Lines field']"),
        ("choice", "select"),
        ("keys", ".rio-key-listener"),
    ],
)
def test_grab_keyboard_focus(shown, name, selector):
    """await component.grab_keyboard_focus() focuses it on the page."""
    page = shown("focus", "Key area")
    page.locator("body").click(position={"x": W - 5, "y": H - 5})
    page.get_by_role("button", name=f"Focus {name}").click()
    target = page.locator(selector)
    wait_for(lambda: target.evaluate("e => document.activeElement === e"))


def test_grab_keyboard_focus_needs_a_shown_component():
    with pytest.raises(RuntimeError, match="not on the page"):
        import asyncio

        asyncio.run(rio.TextInput().grab_keyboard_focus())


# --- icons the app registers ---------------------------------------------------

SQUARE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<rect id="{id}" x="0" y="0" width="10" height="10"/></svg>'
)


def _custom_icons() -> rio.Component:
    return rio.Column(
        rio.Text("Custom icons"),
        rio.Icon("mine/square", fill=rio.Color.from_hex("#ff0000"), align_x=0),
        rio.Icon("setof/dot:bold", align_x=0),
        rio.Button("With icon", icon="mine/square"),
        align_y=0,
    )


CASES["custom_icons"] = _custom_icons


def test_registered_icons_draw(shown, tmp_path):
    """register_single_icon / register_icon_set make "set/name" icons."""
    import io
    import tarfile

    svg = tmp_path / "square.svg"
    svg.write_text(SQUARE.format(id="single"), encoding="utf-8")
    rio.Icon.register_single_icon(svg, "mine", "square")
    archive = tmp_path / "setof.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        data = SQUARE.format(id="fromset").encode()
        info = tarfile.TarInfo("setof/bold/dot.svg")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    rio.Icon.register_icon_set("setof", archive)
    with pytest.raises(ValueError, match="already"):
        rio.Icon.register_icon_set("setof", archive)

    page = shown("custom_icons", "Custom icons")
    single = page.locator('.rio-icon[data-icon="mine/square"] rect#single')
    single.wait_for()
    assert css(single, "fill") == "rgb(255, 0, 0)"
    size = page.locator('.rio-icon[data-icon="mine/square"]').bounding_box()
    assert abs(size["width"] - 1.3 * U) < 0.5
    page.locator('.rio-icon[data-icon="setof/dot:bold"] rect#fromset').wait_for()
    page.locator("button.rio-button", has_text="With icon").locator(
        "rect#single"
    ).wait_for()


@pytest.mark.parametrize(
    "markup",
    [
        '<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>',
        '<svg viewBox="0 0 1 1" onload="alert(1)"/>',
        '<svg viewBox="0 0 1 1"><image href="https://example.com/x.png"/></svg>',
        "<svg><rect/></svg>",
        "not svg",
    ],
)
def test_registered_icons_refuse_active_or_bad_svg(tmp_path, markup):
    svg = tmp_path / "bad.svg"
    svg.write_text(markup, encoding="utf-8")
    with pytest.raises(ValueError):
        rio.Icon.register_single_icon(svg, "bad", "icon")
    with pytest.raises(ValueError, match="Unknown icon"):
        rio.Icon("bad/icon")


# --- Rio's smaller parameters ------------------------------------------------

ERRORS: list[str] = []


def _extras() -> rio.Component:
    return rio.Column(
        rio.Text("Extras"),
        rio.ProgressCircle(0.5, align_x=0),
        rio.Markdown("Fixed text", selectable=False),
        rio.Markdown("No wrap " * 40, wrap=False),
        rio.Link(
            "Next page", "/next", accessibility_relationship="next", icon="material/add"
        ),
        rio.Image(
            "/no-such-image.png",
            on_error=lambda: ERRORS.append("image"),
            accessibility_description="Broken",
        ),
        rio.Rectangle(
            content=rio.Text("Shadowed", margin=1),
            shadow_radius=1,
            shadow_offset_x=0,
            hover_shadow_offset_x=2,
            transition_time=0,
            align_x=0,
        ),
        rio.ScrollContainer(rio.Text("Scrolled"), reserve_space_y=True, min_height=3),
        align_y=0,
    )


CASES["extras"] = _extras
CASES["focus_text"] = lambda: rio.Column(
    rio.TextInput(label="Other"), rio.TextInput(label="Auto text", auto_focus=True)
)
CASES["focus_number"] = lambda: rio.Column(
    rio.Text("Numbers"), rio.NumberInput(label="Auto number", auto_focus=True)
)
CASES["focus_lines"] = lambda: rio.Column(
    rio.Text("Lines"), rio.MultiLineTextInput(label="Auto lines", auto_focus=True)
)


def test_smaller_rio_parameters_are_honoured(shown):
    page = shown("extras", "Extras")
    circle = page.locator(".rio-progresscircle").bounding_box()
    assert circle["width"] == 3.5 * U and circle["height"] == 3.5 * U
    fixed = page.locator(".rio-markdown", has_text="Fixed text")
    assert css(fixed, "userSelect") == "none"
    assert (
        page.locator(".rio-markdown", has_text="No wrap").get_attribute("data-overflow")
        == "nowrap"
    )
    link = page.locator("a.rio-link")
    assert "next" in link.get_attribute("rel").split()
    assert link.locator("svg path").count() > 0  # the icon is drawn
    wait_for(lambda: ERRORS == ["image"])
    rect = page.locator(".rio-rectangle")
    before = css(rect, "boxShadow")
    rect.hover()
    wait_for(lambda: css(rect, "boxShadow") != before)
    assert "32px" in css(rect, "boxShadow")  # 2 font-heights to the right
    assert css(page.locator(".rio-scroll"), "scrollbarGutter") == "stable"


@pytest.mark.parametrize(
    ("case", "marker", "selector"),
    [
        ("focus_text", "Auto text", "input[aria-label='Auto text']"),
        ("focus_number", "Numbers", "input[aria-label='Auto number']"),
        ("focus_lines", "Lines", "textarea[aria-label='Auto lines']"),
    ],
)
def test_auto_focus(shown, case, marker, selector):
    page = shown(case, marker)
    target = page.locator(selector)
    wait_for(lambda: target.evaluate("e => document.activeElement === e"))


class Separated(rio.Component):
    value: float = 1234.5

    def build(self) -> rio.Component:
        return rio.Column(
            rio.NumberInput(
                self.bind().value,
                label="Separated",
                decimal_separator=",",
                thousands_separator=".",
            ),
            rio.NumberInput(
                12345, label="Plain", decimals=0, thousands_separator=False
            ),
            rio.Text(f"value={self.value}"),
            align_y=0,
        )


CASES["separators"] = Separated


def test_number_input_separators(shown):
    """Rio's look: grouped thousands, the chosen marks, all decimals."""
    page = shown("separators", "value=1234.5")
    box_ = page.get_by_label("Separated")
    assert box_.input_value() == "1.234,50"
    assert page.get_by_label("Plain").input_value() == "12345"
    box_.fill("2.345,6")
    box_.press("Tab")
    page.get_by_text("value=2345.6", exact=True).wait_for()
    assert box_.input_value() == "2.345,60"


LONG_CODE = "x = " + " + ".join(str(i) for i in range(120))
CASES["code"] = lambda: rio.Column(
    rio.Text("Code"),
    rio.CodeBlock(LONG_CODE, key="never"),
    rio.CodeBlock(LONG_CODE, scroll_code_x="auto", key="auto"),
    rio.Markdown(f"```\n{LONG_CODE}\n```", scroll_code_x="always"),
    align_y=0,
)


def test_code_scrolls_as_asked(shown):
    """ "never" (Rio's default): the block is as wide as its code; "auto" scrolls."""
    page = shown("code", "Code")
    never, auto, always = (page.locator("pre.rio-code").nth(i) for i in range(3))
    sizes = "e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]"
    scroll, client, _ = never.evaluate(sizes)
    assert scroll <= client + 1 and client > W
    scroll, client, overflow = auto.evaluate(sizes)
    assert scroll > client and client <= W and overflow == "auto"
    assert always.evaluate(sizes)[2] == "scroll"


CONFIRMED: list[Any] = []


class Dates(rio.Component):
    day: Any = None

    def build(self) -> rio.Component:
        import datetime

        return rio.Column(
            rio.Text("Dates"),
            rio.DateInput(
                datetime.date(2024, 5, 17),
                label="Day",
                accessibility_label="Day of the trip",
                on_confirm=lambda event: CONFIRMED.append(event.value),
            ),
            align_y=0,
        )


CASES["dates"] = Dates


def test_date_input_confirm_and_accessibility_label(shown):
    import datetime

    page = shown("dates", "Dates")
    box_ = page.get_by_label("Day of the trip")
    box_.press("Enter")
    wait_for(lambda: CONFIRMED == [datetime.date(2024, 5, 17)])
    assert isinstance(
        rio.DateConfirmEvent(datetime.date(2024, 1, 1)), rio.DateConfirmEvent
    )


PRESSED: list[Any] = []
CASES["table"] = lambda: rio.Column(
    rio.Text("Tables"),
    rio.Table(
        {"Name": ["Ada", "Linus"], "Born": [1815, 1969]},
        on_press=PRESSED.append,
        key="press",
    ),
    rio.Table({"Wide": ["w" * 300]}, scroll_x="auto", key="auto"),
    align_y=0,
)


def test_table_press_and_scroll(shown):
    page = shown("table", "Tables")
    page.get_by_text("1969", exact=True).click()
    wait_for(lambda: PRESSED)
    assert PRESSED[-1] == rio.TablePressEvent(1, 1, "Born")
    page.get_by_text("Name", exact=True).click()
    wait_for(lambda: len(PRESSED) == 2)
    assert PRESSED[-1] == rio.TablePressEvent("header", 0, "Name")
    auto = page.locator(".rio-table-wrap").nth(1)
    scroll, client = auto.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll > client and client <= W


LINES: list[tuple[str, str]] = []


def _lines() -> rio.Component:
    def confirm(name: str) -> Any:
        return lambda event: LINES.append((name, event.text))

    return rio.Column(
        rio.Text("Multi"),
        rio.MultiLineTextInput(label="Shift mode", on_confirm=confirm("shift")),
        rio.MultiLineTextInput(
            label="Enter mode", confirm_mode="enter", on_confirm=confirm("enter")
        ),
        rio.MultiLineTextInput(label="Fixed", auto_adjust_height=False),
        align_y=0,
    )


CASES["lines"] = _lines


def test_multi_line_confirm_mode_and_height(shown):
    page = shown("lines", "Multi")
    shift = page.get_by_label("Shift mode")
    shift.click()
    shift.press_sequentially("a")
    shift.press("Enter")
    shift.press_sequentially("b")
    shift.press("Shift+Enter")
    wait_for(lambda: ("shift", "a\nb") in LINES)
    assert shift.input_value() == "a\nb"
    enter = page.get_by_label("Enter mode")
    enter.click()
    enter.press_sequentially("c")
    enter.press("Shift+Enter")
    enter.press_sequentially("d")
    enter.press("Enter")
    wait_for(lambda: ("enter", "c\nd") in LINES)
    assert enter.input_value() == "c\nd"
    # auto_adjust_height (Rio's default) grows with the text; False keeps it.
    fixed = page.get_by_label("Fixed")
    before = shift.bounding_box()["height"], fixed.bounding_box()["height"]
    for box_ in (shift, fixed):
        box_.click()
        for _ in range(8):
            box_.press("Enter")
    after = shift.bounding_box()["height"], fixed.bounding_box()["height"]
    assert after[0] > before[0] + U and after[1] == before[1]


CASES["styled_input"] = lambda: rio.Column(
    rio.Text("Styled"),
    rio.TextInput(
        "typed", label="Styled box", text_style=rio.TextStyle(font_size=2, italic=True)
    ),
    align_y=0,
)


def test_text_input_text_style(shown):
    page = shown("styled_input", "Styled")
    box_ = page.get_by_label("Styled box")
    assert css(box_, "fontSize") == f"{2 * U}px"
    assert css(box_, "fontStyle") == "italic"


CASES["ripples"] = lambda: rio.Column(
    rio.Text("Ripples"),
    rio.Card(rio.Text("Pressable card"), on_press=lambda: None),
    rio.Card(rio.Text("Quiet card")),
    rio.Rectangle(content=rio.Text("Rippling rect"), ripple=True),
    rio.Rectangle(content=rio.Text("Plain rect")),
    align_y=0,
)

RIPPLES = """e => {
  const r = e.getBoundingClientRect();
  e.dispatchEvent(new PointerEvent("pointerdown", {
    bubbles: true, clientX: r.x + 5, clientY: r.y + 5 }));
  return e.querySelector(".rio-ripple") !== null;
}"""


def test_ripple(shown):
    """Rio's ripple: Card(on_press) by default, Rectangle(ripple=True)."""
    page = shown("ripples", "Ripples")
    cards = page.locator(".rio-card")
    assert cards.nth(0).evaluate(RIPPLES)
    assert not cards.nth(1).evaluate(RIPPLES)
    rects = page.locator(".rio-rectangle")
    assert rects.nth(0).evaluate(RIPPLES)
    assert not rects.nth(1).evaluate(RIPPLES)


class Popups(rio.Component):
    modal_open: bool = True
    plain_open: bool = True

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"modal={self.modal_open} plain={self.plain_open}"),
            rio.Popup(
                anchor=rio.Text("Modal anchor"),
                content=rio.Text("Modal content", margin=1),
                is_open=self.bind().modal_open,
                modal=True,
                user_closable=True,
            ),
            rio.Popup(
                anchor=rio.Text("Plain anchor"),
                content=rio.Text("Plain content", margin=1),
                is_open=self.bind().plain_open,
                user_closable=True,
                position="bottom",
                color="none",
            ),
            rio.Popup(
                anchor=rio.Text("Full anchor"),
                content=rio.Text("Full content"),
                is_open=True,
                position="fullscreen",
                key="full",
            )
            if not self.modal_open and not self.plain_open
            else rio.Text("-"),
            spacing=3,
            align_y=0,
        )


CASES["popups"] = Popups


def test_popup_modal_closable_position_and_colour(shown):
    page = shown("popups", "modal=True plain=True")
    shade = page.locator(".rio-popup-shade").first
    assert shade.is_visible()
    plain = page.get_by_text("Plain content", exact=True).locator("xpath=..")
    assert css(plain, "backgroundColor") == "rgba(0, 0, 0, 0)"
    below = box(page, "Plain content")["y"] > box(page, "Plain anchor")["y"]
    assert below
    # A modal popup blocks the app: the click lands on its shade and closes it.
    page.mouse.click(W - 5, H - 5)
    page.get_by_text("modal=False plain=True", exact=True).wait_for()
    assert not shade.is_visible()
    # Without a shade, a press anywhere outside closes a closable popup.
    page.mouse.click(W - 5, H - 5)
    page.get_by_text("modal=False plain=False", exact=True).wait_for()
    full = box(page, "Full content")
    panel = (
        page.get_by_text("Full content", exact=True).locator("xpath=..").bounding_box()
    )
    assert panel["width"] == W and panel["height"] == H and full is not None
