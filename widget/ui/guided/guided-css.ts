/**
 * Styles of the guided components (flow steps, diagnostics, actions, status banner), appended to
 * the panel's stylesheet inside the shadow root. Uses the panel's custom properties
 * (--t0-accent, --t0-on-accent); status is always also written as text, colour only reinforces it.
 */
export const guidedCss = `
.t0-flow-title{margin:0 0 6px}
.t0-flow-body{margin:0 0 8px}
.t0-flow-body>:first-child{margin-block-start:0}
.t0-flow-body>:last-child{margin-block-end:0}
.t0-flow-answers{display:flex;flex-direction:column;align-items:stretch;gap:6px;margin:8px 0 0}
.t0-flow-answer{min-block-size:44px;padding:8px 14px;border:1.5px solid var(--t0-accent,#2563eb);border-radius:10px;background:transparent;color:inherit;font:inherit;text-align:start;cursor:pointer}
.t0-flow-answer:hover{background:var(--t0-hover,#eef1f5)}
.t0-flow-answer:focus-visible,.t0-flow-nav button:focus-visible,.t0-diag button:focus-visible,.t0-action-link:focus-visible,.t0-status button:focus-visible{outline:3px solid var(--t0-accent,#2563eb);outline-offset:2px}
.t0-flow-nav{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0 0}
.t0-flow-nav button,.t0-diag-fix{min-block-size:32px;padding:4px 2px;border:0;background:none;color:var(--t0-link,var(--t0-accent,#2563eb));font:inherit;text-decoration:underline;cursor:pointer}
.t0-diag-consent{margin:0 0 8px}
.t0-diag-run{min-block-size:40px;padding:8px 16px;border:0;border-radius:10px;background:var(--t0-accent,#2563eb);color:var(--t0-on-accent,#fff);font:600 15px/1.2 var(--t0-font,inherit);cursor:pointer}
.t0-diag-run[disabled]{opacity:.7;cursor:progress}
.t0-diag-summary{margin:0 0 8px;font-weight:600}
.t0-diag-results{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.t0-diag-item{display:flex;gap:8px;align-items:flex-start}
.t0-diag-mark{flex:none;display:inline-grid;place-items:center;inline-size:22px;block-size:22px;border-radius:50%;font:700 13px/1 var(--t0-font,inherit);color:#fff;background:#6b7280}
.t0-diag-item[data-status=ok] .t0-diag-mark{background:#15803d}
.t0-diag-item[data-status=problem] .t0-diag-mark{background:#b91c1c}
.t0-diag-text{display:flex;flex-direction:column;align-items:flex-start}
.t0-actions{display:flex;flex-direction:column;gap:8px;margin:0 0 10px}
.t0-actions-intro{margin:0}
.t0-action-link{display:inline-flex;align-items:center;min-block-size:44px;padding:8px 16px;border-radius:10px;background:var(--t0-accent,#2563eb);color:var(--t0-on-accent,#fff);font-weight:600;text-decoration:none}
.t0-action-description{margin:4px 0 0;font-size:14px;opacity:.85}
.t0-status{display:flex;flex-direction:column;gap:1px}
.t0-status-item{display:flex;gap:8px;align-items:flex-start;padding:8px 12px;background:var(--t0-bg-soft,#f5f6f8);color:var(--t0-text,#111827);border-block-end:1px solid var(--t0-border,#e3e6eb);border-inline-start:4px solid #2563eb}
.t0-status-item[data-severity=minor]{border-inline-start-color:#d97706}
.t0-status-item[data-severity=major]{background:var(--t0-danger-bg,#fef3f2);border-inline-start-color:var(--t0-danger,#b42318)}
.t0-status-severity{font-weight:600}
.t0-status-text{flex:1;min-inline-size:0}
.t0-status-text p{margin:0}
.t0-status-meta{display:flex;gap:12px;font-size:13px}
.t0-status-meta a{color:inherit}
.t0-status-dismiss{flex:none;inline-size:32px;block-size:32px;border:0;border-radius:8px;background:transparent;color:inherit;font:400 20px/1 var(--t0-font,inherit);cursor:pointer}
.t0-status-dismiss:hover{background:var(--t0-hover,#eef1f5)}
`;
