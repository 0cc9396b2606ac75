// Layout components: Grid, Stack, Overlay, ScrollContainer, ...
// Each entry follows the renderer contract described in components.js.

export const layoutRenderers = {};
