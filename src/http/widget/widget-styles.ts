/** All of the widget's CSS, inside its shadow root: nothing leaks out, and `all: initial` keeps the page's styles out. */
export const WIDGET_CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483000 !important; inset: auto 0 0 auto !important; }
* { box-sizing: border-box; }
.root { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 15px; line-height: 1.6; color: #1f2933; }
button, textarea { font: inherit; }
.launcher { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border: 0; border-radius: 50%; background: #1f6feb; color: #fff; font-size: 22px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 380px; max-width: calc(100vw - 16px); height: min(620px, calc(100vh - 108px)); display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
.panel[hidden] { display: none; }
@media (max-width: 480px) {
  .panel { left: 8px; right: 8px; width: auto; bottom: 84px; height: calc(100vh - 96px); }
  .launcher { right: 12px; bottom: 16px; }
}
.header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; background: #1f6feb; color: #fff; }
.header h2 { margin: 0; font-size: 16px; font-weight: 600; }
.close { border: 0; background: transparent; color: #fff; font-size: 20px; cursor: pointer; width: 36px; height: 36px; border-radius: 6px; }
.log { flex: 1; overflow-y: auto; overflow-x: hidden; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f5f7fa; }
.msg { max-width: 92%; padding: 8px 12px; border-radius: 10px; overflow-wrap: anywhere; white-space: pre-wrap; }
.msg.user { align-self: flex-end; background: #1f6feb; color: #fff; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid #e4e7eb; }
.msg.error { align-self: stretch; background: #fff4f4; border: 1px solid #f5b5b5; color: #8a1c1c; }
.answer-text { margin: 0; }
.abstained .answer-text { color: #52606d; }
.chip { display: inline-block; margin: 0 2px; padding: 0 6px; border: 1px solid #1f6feb; border-radius: 10px; background: #eef4ff; color: #1450b8; font-size: 13px; line-height: 1.5; cursor: pointer; }
.chip[aria-expanded="true"] { background: #1f6feb; color: #fff; }
.sources { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.sources-label { font-size: 13px; color: #52606d; margin-right: 4px; }
.detail { margin-top: 8px; padding: 8px; border-left: 3px solid #1f6feb; background: #f8fbff; }
.quote { margin: 0 0 6px; font-size: 14px; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 0; font-size: 13px; color: #3e4c59; }
.meta dd { margin: 0; }
.detail-foot { margin: 6px 0 0; font-size: 13px; }
.context-link { color: #1450b8; }
.feedback { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; color: #52606d; white-space: normal; }
.feedback button, .error button { border: 1px solid #cbd2d9; background: #fff; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
.feedback button[aria-pressed="true"] { border-color: #1f6feb; background: #eef4ff; }
.feedback select { width: 100%; padding: 4px; border: 1px solid #cbd2d9; border-radius: 6px; background: #fff; }
.feedback textarea { width: 100%; min-height: 56px; padding: 6px; border: 1px solid #cbd2d9; border-radius: 6px; resize: vertical; }
.error button { margin-left: 8px; color: #8a1c1c; }
.form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e4e7eb; background: #fff; }
.form textarea { flex: 1; min-width: 0; height: 44px; max-height: 120px; padding: 8px; border: 1px solid #cbd2d9; border-radius: 8px; resize: none; }
.send { flex: none; padding: 0 16px; border: 0; border-radius: 8px; background: #1f6feb; color: #fff; cursor: pointer; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
