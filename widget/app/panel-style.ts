// Logical properties throughout, so a right-to-left page mirrors the panel correctly.
export const PANEL_CSS = `
.panel {
  position: fixed; inset-block-end: 92px; inset-inline-end: 20px; z-index: 2147483647;
  inline-size: min(380px, calc(100vw - 40px)); block-size: min(600px, calc(100vh - 120px));
  display: flex; flex-direction: column; background: #fff; color: #1d1d1b;
  border-radius: 14px; box-shadow: 0 12px 40px rgb(0 0 0 / 22%); overflow: hidden;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.panel[hidden] { display: none; }
.panel-header { display: flex; justify-content: space-between; align-items: start; gap: 8px;
  padding: 14px 16px; background: var(--hfc-accent); color: #fff; }
.panel-title { margin: 0; font-size: 17px; font-weight: 600; }
.panel-status { margin: 2px 0 0; font-size: 13px; opacity: .92; }
.icon-button { background: none; border: 0; color: inherit; font-size: 26px; line-height: 1;
  cursor: pointer; padding: 0 4px; border-radius: 6px; }
.messages { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 8px;
  background: #f6f7f5; }
.empty { color: #555; font-size: 14px; margin: auto 0; text-align: center; }
.bubble { max-inline-size: 85%; padding: 8px 12px; border-radius: 12px; }
.bubble p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.bubble.customer { align-self: flex-end; background: var(--hfc-accent); color: #fff; }
.bubble.bot { align-self: flex-start; background: #fff; border: 1px dashed #8a8f87; }
.bubble.agent { align-self: flex-start; background: #fff; border: 1px solid #cfd4cc; }
.label { display: block; font-size: 12px; font-weight: 600; color: #4a5a52; margin-block-end: 2px; }
.meta { display: block; font-size: 12px; opacity: .85; margin-block-start: 4px; }
.meta.error { color: #ffd9d2; opacity: 1; }
.system { align-self: center; margin: 4px 0; font-size: 13px; color: #4d4d4d; text-align: center; }
.typing { margin: 0; padding: 0 16px; min-block-size: 1.3em; font-size: 13px; font-style: italic; color: #4d4d4d; }
.actions { padding: 8px 14px 0; background: #fff; border-block-start: 1px solid #e3e6e1; }
.person-button { inline-size: 100%; padding: 8px; border-radius: 8px; border: 1px solid var(--hfc-accent);
  background: #fff; color: var(--hfc-accent); font: inherit; font-weight: 600; cursor: pointer; }
.person-button[aria-disabled="true"] { cursor: default; border-color: #9aa59f; color: #4d5751; }
.composer { display: flex; gap: 8px; padding: 8px 14px 14px; background: #fff; }
.composer textarea { flex: 1; resize: none; font: inherit; padding: 8px 10px; border: 1px solid #9aa59f;
  border-radius: 8px; }
.send-button { padding: 0 16px; border: 0; border-radius: 8px; background: var(--hfc-accent); color: #fff;
  font: inherit; font-weight: 600; cursor: pointer; }
.link-button { background: none; border: 0; padding: 0; color: inherit; text-decoration: underline;
  font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #f2b134; outline-offset: 2px; }
:host([data-position="left"]) .panel { inset-inline: 20px auto; }
@media (max-width: 480px) {
  .panel { inset: 0; inline-size: 100vw; block-size: 100dvh; border-radius: 0; }
}
`;
