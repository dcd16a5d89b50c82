// Ink imports react-devtools-core only when DEV=true; the bundle carries this no-op instead.
export default { initialize() {}, connectToDevTools() {} };
export function initialize() {}
export function connectToDevTools() {}
