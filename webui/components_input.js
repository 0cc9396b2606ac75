// Input components: TextInput, Checkbox, Slider, Dropdown, ...
// Each entry follows the renderer contract described in components.js.

export const inputRenderers = {};
