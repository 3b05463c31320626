/**
 * All of the widget's CSS, inside its shadow root: nothing leaks out, and `all: initial` keeps the
 * page's styles out. What a host may still decide: hiding it (`hidden` on <policydesk-widget>),
 * its stacking (`--policydesk-z-index`, default 1000, under the usual modal layers) and print
 * (never printed). Colours meet WCAG contrast (text 4.5:1; borders and focus rings 3:1) and every
 * button is at least 24 px tall (WCAG 2.5.8).
 */
export const WIDGET_CSS = `
:host { all: initial !important; position: fixed !important; z-index: var(--policydesk-z-index, 1000) !important; inset: auto 0 0 auto !important; }
:host([hidden]) { display: none !important; }
@media print { :host { display: none !important; } }
* { box-sizing: border-box; }
.root { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 15px; line-height: 1.6; color: #1f2933; }
button, textarea, select { font: inherit; }
.launcher { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border: 0; border-radius: 50%; background: #1f6feb; color: #fff; font-size: 22px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
button:focus-visible, textarea:focus-visible, select:focus-visible, a:focus-visible, .log:focus-visible { outline: 3px solid #1450b8; outline-offset: 2px; }
.log:focus-visible { outline-offset: -3px; }
.header button:focus-visible { outline-color: #fff; outline-offset: -4px; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 380px; max-width: calc(100vw - 16px); height: min(620px, calc(100vh - 108px)); display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
.panel[hidden] { display: none; }
@media (max-width: 480px) {
  .panel { left: 8px; right: 8px; width: auto; bottom: 84px; height: calc(100vh - 96px); }
  .launcher { right: 12px; bottom: 16px; }
}
.header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 10px 8px 14px; background: #1f6feb; color: #fff; }
.header h2 { margin: 0; font-size: 16px; font-weight: 600; }
.header-actions { display: flex; align-items: center; gap: 4px; }
.new-chat { border: 1px solid #fff; background: transparent; color: #fff; font-size: 13px; min-height: 30px; padding: 0 10px; border-radius: 6px; cursor: pointer; }
.close { border: 0; background: transparent; color: #fff; font-size: 20px; cursor: pointer; width: 36px; height: 36px; border-radius: 6px; }
.log { position: relative; flex: 1; overflow-y: auto; overflow-x: hidden; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f5f7fa; }
.msg { max-width: 92%; padding: 8px 12px; border-radius: 10px; overflow-wrap: anywhere; white-space: pre-wrap; }
.msg.user { align-self: flex-end; background: #1f6feb; color: #fff; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid #e4e7eb; }
.msg.error { align-self: stretch; background: #fff4f4; border: 1px solid #f5b5b5; color: #8a1c1c; }
.answer-text { margin: 0; }
.abstained .answer-text { color: #52606d; }
.rewritten { margin: 0 0 6px; font-size: 13px; color: #52606d; }
.low-confidence { border-left: 4px dashed #b7791f; padding-left: 8px; }
.low-label { display: inline-block; margin: 0 0 6px; padding: 0 6px; border-radius: 4px; background: #fff3d6; color: #744210; font-size: 13px; font-weight: 600; }
.ocr-note { margin: 0 0 6px; padding: 0 6px; display: inline-block; border-radius: 4px; background: #fff3d6; color: #744210; font-size: 13px; }
.low-confidence .answer-text { color: #3e4c59; }
.chip { display: inline-block; min-width: 24px; min-height: 24px; margin: 0 2px; padding: 0 6px; border: 1px solid #1f6feb; border-radius: 10px; background: #eef4ff; color: #1450b8; font-size: 13px; line-height: 22px; cursor: pointer; vertical-align: baseline; }
.chip[aria-expanded="true"] { background: #1f6feb; color: #fff; }
.sources { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.sources-label { font-size: 13px; color: #52606d; margin-right: 4px; }
.detail { margin-top: 8px; padding: 8px; border-left: 3px solid #1f6feb; background: #f8fbff; }
.quote { margin: 0 0 6px; font-size: 14px; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 0; font-size: 13px; color: #3e4c59; }
.meta dd { margin: 0; }
.detail-foot { margin: 6px 0 0; font-size: 13px; }
.context-link { color: #1450b8; }
.link-button { border: 0; background: none; padding: 0; min-height: 24px; font-size: 13px; text-decoration: underline; cursor: pointer; }
.context { margin-top: 6px; white-space: normal; }
.context-title { margin: 0 0 4px; font-size: 13px; }
.context-point { margin: 6px 0; padding: 2px 8px; border-left: 3px solid #7b8794; }
.context-point.cited { border-left: 4px solid #1f6feb; background: #eef4ff; }
.context-point h4 { margin: 0; font-size: 13px; }
.context-text { margin: 0; font-size: 13px; }
mark { background: #ffe58f; color: inherit; }
.nearest { margin-top: 8px; font-size: 13px; white-space: normal; }
.nearest-label { margin: 0; color: #52606d; }
.nearest-list { margin: 4px 0 0; padding-left: 18px; }
.nearest-list li { margin: 2px 0; }
.feedback { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; color: #52606d; white-space: normal; }
.feedback button, .error button { min-height: 28px; border: 1px solid #7b8794; background: #fff; color: #1f2933; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.feedback button[aria-pressed="true"] { border-color: #1f6feb; background: #eef4ff; }
.feedback select { width: 100%; min-height: 32px; padding: 4px; border: 1px solid #7b8794; border-radius: 6px; background: #fff; color: #1f2933; }
.feedback textarea { width: 100%; min-height: 56px; padding: 6px; border: 1px solid #7b8794; border-radius: 6px; resize: vertical; color: #1f2933; }
.error button { margin-left: 8px; color: #8a1c1c; }
.form { padding: 10px; border-top: 1px solid #e4e7eb; background: #fff; }
.form-row { display: flex; gap: 8px; }
.form textarea { flex: 1; min-width: 0; height: 44px; max-height: 120px; padding: 8px; border: 1px solid #7b8794; border-radius: 8px; resize: none; color: #1f2933; }
.form textarea[aria-invalid="true"] { border-color: #b42318; }
.hint { margin: 6px 0 0; font-size: 13px; color: #52606d; }
.hint:empty { display: none; }
.send { flex: none; min-width: 56px; padding: 0 16px; border: 0; border-radius: 8px; background: #1f6feb; color: #fff; cursor: pointer; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
