// The icon set (icons.js, ~90 KB) is fetched the first time an icon is
// drawn, not with the page: most first screens need few or no icons.

let icons = null;
let loading = null;

/** Call `draw(icons)` with the icon set, now if loaded, else once it is. */
export function withIcons(draw) {
  if (icons) {
    draw(icons);
    return;
  }
  loading ??= import("./icons.js")
    .then((module) => { icons = module.ICONS ?? {}; })
    .catch((error) => {
      console.warn("rio-desktop: could not load the icons:", error);
      icons = {};
    });
  loading.then(() => draw(icons));
}
