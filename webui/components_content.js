// Content components: Markdown, Icon, Image, Link, CodeBlock, ...
// Each entry follows the renderer contract described in components.js.

export const contentRenderers = {};
