/**
 * Ticket form styles, adopted on the widget's shadow root next to the panel's (no <style>
 * elements, no style attributes: strict CSP). Uses the panel's custom properties for theming.
 */
export const ticketCss = `
.t0-ticket{display:flex;flex-direction:column;gap:12px}
.t0-ticket h3{margin:0;font:600 16px/1.3 var(--t0-font)}
.t0-ticket p{margin:0}
.t0-ticket fieldset{margin:0;padding:12px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg);display:flex;flex-direction:column;gap:10px;min-inline-size:0}
.t0-ticket legend{padding:0 4px;font:600 13px/1.3 var(--t0-font);color:var(--t0-muted)}
.t0-field{display:flex;flex-direction:column;gap:4px}
.t0-field label,.t0-label{font:600 14px/1.3 var(--t0-font)}
.t0-req{font-weight:400;color:var(--t0-muted)}
.t0-ticket input[type=text],.t0-ticket input[type=email],.t0-ticket input[type=number],.t0-ticket textarea,.t0-ticket select{box-sizing:border-box;inline-size:100%;min-block-size:40px;margin:0;padding:8px 10px;border:1px solid var(--t0-muted);border-radius:8px;background:var(--t0-bg);color:var(--t0-text);font:400 15px/1.4 var(--t0-font)}
.t0-ticket textarea{min-block-size:140px;resize:vertical}
.t0-ticket input[type=file]{box-sizing:border-box;inline-size:100%;margin:0;color:var(--t0-muted);font:400 14px/1.4 var(--t0-font)}
.t0-ticket input[type=file]::file-selector-button{min-block-size:36px;margin-inline-end:10px;padding:0 14px;border:1px solid var(--t0-border);border-radius:10px;background:var(--t0-bg-soft);color:var(--t0-text);font:600 14px/1 var(--t0-font);cursor:pointer}
.t0-ticket input[type=file]:hover::file-selector-button{background:var(--t0-hover)}
.t0-ticket input[type=file]:focus-visible{outline:2px solid var(--t0-link,var(--t0-accent));outline-offset:2px;border-radius:10px}
.t0-ticket input[readonly]{background:var(--t0-bg-soft);border-style:dashed}
.t0-ticket input:focus-visible,.t0-ticket textarea:focus-visible,.t0-ticket select:focus-visible,.t0-ticket summary:focus-visible{outline:2px solid var(--t0-link,var(--t0-accent));outline-offset:1px}
.t0-ticket [aria-invalid=true]{border-color:var(--t0-danger);border-width:2px}
.t0-field-error{display:flex;gap:4px;color:var(--t0-danger);font-size:14px;font-weight:600}
.t0-field-hint{color:var(--t0-muted);font-size:13px}
.t0-check{display:flex;align-items:center;gap:8px}
.t0-check input{inline-size:20px;block-size:20px;margin:0}
.t0-priority{font-weight:600}
.t0-errors{padding:12px;border:2px solid var(--t0-danger);border-radius:12px;background:var(--t0-danger-bg);color:var(--t0-text)}
.t0-errors ul{margin:6px 0 0;padding-inline-start:20px}
.t0-errors a{display:inline-flex;align-items:center;min-block-size:24px;color:var(--t0-danger);font-weight:600}
.t0-warn{padding:10px 12px;border-radius:10px;border:1px solid var(--t0-danger);background:var(--t0-danger-bg);font-size:14px}
.t0-details{border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg);padding:0 12px}
.t0-details summary{cursor:pointer;padding:10px 0;font-weight:600}
.t0-details-count{margin-inline-start:8px;color:var(--t0-muted);font-weight:400;font-size:13px}
.t0-details fieldset.t0-ctx{display:block;margin:0 0 12px;padding:0;border:0;border-radius:0;background:none;min-inline-size:0}
.t0-details .t0-ctx legend{padding:0;margin-block-end:6px;font:400 13px/1.4 var(--t0-font);color:var(--t0-muted)}
.t0-ctx ul{list-style:none;margin:0;padding:0}
.t0-ctx li+li{border-block-start:1px solid var(--t0-border)}
.t0-ctx-row{display:flex;align-items:flex-start;gap:10px;min-block-size:32px;padding-block:6px;font-size:13px;cursor:pointer}
.t0-details .t0-ctx-row input{flex:none;inline-size:18px;block-size:18px;min-block-size:0;margin:1px 0 0}
.t0-ctx-text{flex:1;min-inline-size:0;overflow-wrap:anywhere}
.t0-ctx-key{font-weight:600}
.t0-ctx-row[data-sent=false] .t0-ctx-text{color:var(--t0-muted);text-decoration:line-through}
.t0-actions{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end}
.t0-status{padding:14px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg);display:flex;flex-direction:column;gap:10px}
.t0-status[data-kind=sent]{border-color:#15803d}
.t0-status[data-kind=failed]{border-color:var(--t0-danger);background:var(--t0-danger-bg)}
.t0-status h3{margin:0;font:600 16px/1.3 var(--t0-font)}.t0-status p{margin:0}
.t0-status h3:focus{outline:none}
.t0-hp{position:absolute;inset-inline-start:-10000px;inset-block-start:auto;inline-size:1px;block-size:1px;overflow:hidden}
.t0-smallbtn{min-block-size:28px;padding:0 8px;font-size:13px}
@media (max-width:640px),(max-height:480px){.t0-ticket input,.t0-ticket select,.t0-btn{min-block-size:44px}}
`;
