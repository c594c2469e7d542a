// :host resets everything the page could pass down (fonts, colours, direction, all: unset).
export const LAUNCHER_CSS = `
:host { all: initial; --hfc-accent: #1f5f4a; }
.launcher {
  position: fixed; inset-block-end: 20px; inset-inline-end: 20px; z-index: 2147483646;
  inline-size: 60px; block-size: 60px; border-radius: 50%; border: 0; cursor: pointer;
  background: var(--hfc-accent); color: #fff; box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  display: grid; place-items: center;
}
:host([data-position="left"]) .launcher { inset-inline: 20px auto; }
.launcher:focus-visible { outline: 3px solid #f2b134; outline-offset: 3px; }
`;
