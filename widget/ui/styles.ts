/**
 * Panel styles, adopted as a constructed stylesheet on the shadow root (no <style> elements, no
 * style attributes: works under `style-src 'self'`). px only, logical properties for RTL,
 * light/dark through custom properties, reduced motion respected, 44px targets on phones (the
 * phone layout's rules are in phone-css.ts, with its chunk) and at least 24px everywhere (WCAG 2.5.8) by a zero-specificity min-block-size default that any
 * component's own size overrides, whatever the font's line metrics.
 * Filled buttons have transparent borders rather than none: forced colors (Windows High
 * Contrast) paint them, so every button keeps a visible edge there.
 */
export const panelCss = `
.t0{--t0-bg:#fff;--t0-bg-soft:#f5f6f8;--t0-text:#111827;--t0-muted:#4b5563;--t0-border:#e3e6eb;--t0-hover:#eef1f5;--t0-active:#e6edfb;--t0-mark:#fde68a;--t0-mark-text:#111827;--t0-bubble:#fff;--t0-danger:#b42318;--t0-danger-bg:#fef3f2;--t0-shadow:0 2px 6px #0f172a14,0 16px 48px #0f172a2e;--t0-radius:16px;--t0-code:#f1f3f6}
.t0[data-theme=dark]{--t0-bg:#17191e;--t0-bg-soft:#1f2228;--t0-text:#f1f3f6;--t0-muted:#aab1bd;--t0-border:#30343c;--t0-hover:#272b33;--t0-active:#263450;--t0-mark:#854d0e;--t0-mark-text:#fff;--t0-bubble:#23262d;--t0-link:#9cc3ff;--t0-danger:#fda29b;--t0-danger-bg:#3b1714;--t0-shadow:0 2px 6px #0006,0 16px 48px #00000080;--t0-code:#262a31}
@media (prefers-color-scheme:dark){.t0[data-theme=auto]{--t0-bg:#17191e;--t0-bg-soft:#1f2228;--t0-text:#f1f3f6;--t0-muted:#aab1bd;--t0-border:#30343c;--t0-hover:#272b33;--t0-active:#263450;--t0-mark:#854d0e;--t0-mark-text:#fff;--t0-bubble:#23262d;--t0-link:#9cc3ff;--t0-danger:#fda29b;--t0-danger-bg:#3b1714;--t0-shadow:0 2px 6px #0006,0 16px 48px #00000080;--t0-code:#262a31}}
.t0-panel{position:fixed;bottom:84px;right:20px;z-index:var(--t0-z);display:flex;flex-direction:column;inline-size:400px;max-inline-size:calc(100vw - 40px);block-size:min(640px,calc(100vh - 108px));background:var(--t0-bg);color:var(--t0-text);border:1px solid var(--t0-border);border-radius:var(--t0-radius);box-shadow:var(--t0-shadow);overflow:hidden;font:400 15px/1.45 var(--t0-font);text-align:start;animation:t0-in .16s ease-out}
.t0[data-position=left] .t0-panel{right:auto;left:20px}
@keyframes t0-in{from{opacity:0;transform:translateY(8px) scale(.98)}to{opacity:1;transform:none}}
.t0-header{display:flex;align-items:center;gap:4px;min-block-size:56px;padding-block:8px;padding-inline:12px 8px;background:var(--t0-accent);color:var(--t0-on-accent)}
.t0-header h2{flex:1;margin:0;padding-inline:4px;font:600 16px/1.3 var(--t0-font);color:inherit;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.t0-iconbtn{display:inline-flex;align-items:center;justify-content:center;flex:none;min-inline-size:36px;block-size:36px;margin:0;padding:0 7px;gap:6px;border:1px solid transparent;border-radius:10px;background:transparent;color:inherit;font:500 14px/1 var(--t0-font);cursor:pointer}
.t0-iconbtn:hover{background:#7f7f7f2e}
.t0-header .t0-iconbtn:focus-visible{outline:2px solid var(--t0-on-accent);outline-offset:-2px}
.t0-icon{inline-size:20px;block-size:20px;flex:none}
.t0[dir=rtl] .t0-flip{transform:scaleX(-1)}
.t0-body{flex:1;min-block-size:0;overflow-y:auto;overscroll-behavior:contain;background:var(--t0-bg-soft);padding:16px;scroll-padding-block:16px}
.t0-body:focus-visible,.t0-suggest:focus-visible{outline:2px solid var(--t0-link,var(--t0-accent));outline-offset:-2px}
:where(.t0 :is(button,select,summary):not(.t0-inline)){min-block-size:24px}
.t0 button:focus-visible,.t0 a:focus-visible,.t0 [role=option]:focus-visible{outline:2px solid var(--t0-link,var(--t0-accent));outline-offset:2px}
.t0-thread{display:flex;flex-direction:column;gap:12px}
.t0-msg{max-inline-size:92%;margin:0;padding:12px 14px;border-radius:14px;background:var(--t0-bubble);border:1px solid var(--t0-border);box-shadow:0 1px 2px #0f172a0a;overflow-wrap:anywhere}
.t0-msg p{margin:0 0 8px}.t0-msg p:last-child,.t0-msg>:last-child{margin-block-end:0}
.t0-bot{align-self:flex-start;border-end-start-radius:4px}
.t0-user{align-self:flex-end;background:var(--t0-accent);color:var(--t0-on-accent);border-color:transparent;border-end-end-radius:4px;white-space:pre-wrap}
.t0-sr{position:absolute!important;inline-size:1px;block-size:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
.t0-kb-updated{margin:0;padding:6px 16px;font-size:13px;border-bottom:1px solid var(--t0-border)}
.t0-section-title{margin:14px 0 6px;font:600 12px/1.3 var(--t0-font);letter-spacing:.02em;text-transform:uppercase;color:var(--t0-muted)}
.t0-chips{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
.t0-greeting{max-inline-size:100%}
.t0-chip{display:inline-flex;align-items:center;min-block-size:34px;margin:0;padding:0 12px;border:1px solid var(--t0-border);border-radius:18px;background:var(--t0-bg);color:var(--t0-text);font:500 13px/1 var(--t0-font);cursor:pointer}
.t0-chip:hover{background:var(--t0-hover);border-color:var(--t0-muted)}
.t0-links{display:flex;flex-direction:column;gap:2px;margin:0;padding:0;list-style:none}
.t0-linkbtn{display:flex;align-items:center;gap:8px;inline-size:100%;min-block-size:36px;margin:0;padding:6px 8px;border:0;border-radius:8px;background:transparent;color:var(--t0-link,var(--t0-accent));font:500 14px/1.35 var(--t0-font);text-align:start;cursor:pointer}
.t0-linkbtn:hover{background:var(--t0-hover)}
.t0-linkbtn .t0-icon{inline-size:18px;block-size:18px;color:var(--t0-muted)}
.t0-inline{display:inline;inline-size:auto;min-block-size:0;padding:0 2px;text-decoration:underline}
.t0-card{margin:8px 0;padding:12px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg)}
.t0-card h3{margin:0 0 4px;font:600 15px/1.35 var(--t0-font);color:var(--t0-text)}
.t0-card-actions{display:flex;flex-wrap:wrap;gap:8px}
.t0-more{margin:-4px 0 10px;color:var(--t0-muted);font-size:13px}
.t0-more .t0-linkbtn{min-block-size:32px;padding:4px 6px;font-size:13px}
.t0-snippet{margin:0 0 10px;color:var(--t0-muted);font-size:14px;line-height:1.45}
.t0 mark{background:var(--t0-mark);color:var(--t0-mark-text);border-radius:3px;padding:0 1px}
.t0-sub{margin:10px 0 2px;font:600 13px/1.3 var(--t0-font);color:var(--t0-muted)}
.t0-btn{display:inline-flex;align-items:center;justify-content:center;gap:6px;min-block-size:36px;margin:0;padding:0 14px;border:1px solid var(--t0-border);border-radius:10px;background:var(--t0-bg);color:var(--t0-text);font:600 14px/1 var(--t0-font);cursor:pointer}
.t0-btn:hover{background:var(--t0-hover)}
.t0-btn-primary{background:var(--t0-accent);border-color:transparent;color:var(--t0-on-accent)}
.t0-btn-primary:hover{background:var(--t0-accent);filter:brightness(.93)}
.t0-btn .t0-icon{inline-size:18px;block-size:18px}
.t0-feedback{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-block-start:10px;padding-block-start:10px;border-block-start:1px solid var(--t0-border)}
.t0-feedback>span,.t0-feedback>p{flex:1 1 auto;margin:0;font-weight:500}
.t0-muted{color:var(--t0-muted);font-size:14px}
.t0-notice{margin:0 0 12px;padding:12px 14px;border-radius:12px;background:var(--t0-danger-bg);color:var(--t0-danger);border:1px solid currentColor}
.t0-notice p{margin:0 0 8px;color:var(--t0-text)}
.t0-notice code{font-size:12px}
.t0-composer{display:flex;align-items:center;gap:8px;padding:12px;border-block-start:1px solid var(--t0-border);background:var(--t0-bg)}
.t0-input{flex:1;min-inline-size:0;block-size:44px;margin:0;padding:0 14px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg-soft);color:var(--t0-text);font:400 15px/1.3 var(--t0-font);outline:none;box-shadow:none;appearance:none}
.t0-input::placeholder{color:var(--t0-muted);opacity:1}
.t0-input:focus{border-color:var(--t0-link,var(--t0-accent));box-shadow:0 0 0 3px color-mix(in srgb,var(--t0-accent) 28%,transparent);background:var(--t0-bg)}
.t0-send{display:inline-flex;align-items:center;justify-content:center;flex:none;inline-size:44px;block-size:44px;margin:0;padding:0;border:1px solid transparent;border-radius:12px;background:var(--t0-accent);color:var(--t0-on-accent);cursor:pointer}
.t0-send:disabled{opacity:.45;cursor:default}
.t0-results{display:flex;flex-direction:column;gap:4px;margin:0;padding:0;list-style:none}
.t0-results[hidden]{display:none}
.t0-option{display:block;padding:10px 12px;border:1px solid transparent;border-radius:12px;background:var(--t0-bg);cursor:pointer}
.t0-option:hover{background:var(--t0-hover)}
.t0-option[aria-selected=true]{background:var(--t0-active);border-color:var(--t0-link,var(--t0-accent))}
.t0-option-title{display:block;margin-block-end:2px;font-weight:600;color:var(--t0-text)}
.t0-section{display:block;margin-block-end:2px;font-size:13px;font-weight:600;color:var(--t0-text)}
.t0-card .t0-section{margin-block:-4px 6px}
.t0-prose .t0-target{scroll-margin-top:8px;animation:t0-target 2s ease-out}
@keyframes t0-target{from{background:color-mix(in srgb,var(--t0-accent) 22%,transparent)}to{background:transparent}}
.t0-option .t0-snippet{margin:0;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.t0-suggest{flex:none;max-block-size:min(40%,320px);overflow-y:auto;overscroll-behavior:contain;padding:8px;border-block-start:1px solid var(--t0-border)}
.t0-suggest[hidden]{display:none}
.t0-hint{display:flex;align-items:center;gap:8px;margin:0;padding:8px 4px;color:var(--t0-muted);font-size:14px}
.t0-loading{display:flex;align-items:center;gap:10px;color:var(--t0-muted)}
.t0-spinner{inline-size:16px;block-size:16px;border:2px solid var(--t0-border);border-block-start-color:var(--t0-accent);border-radius:50%;animation:t0-spin .8s linear infinite}
@keyframes t0-spin{to{transform:rotate(360deg)}}
.t0-article{background:var(--t0-bg);margin:-16px;padding:20px 20px 24px;min-block-size:calc(100% + 32px)}
.t0-article h2.t0-article-title{margin:0 0 4px;font:700 20px/1.3 var(--t0-font);color:var(--t0-text)}
.t0-article h2.t0-article-title:focus{outline:none}
.t0-article-meta{margin:0 0 16px;color:var(--t0-muted);font-size:13px}
.t0-prose{font-size:15px;line-height:1.6;color:var(--t0-text);overflow-wrap:anywhere}
.t0-prose h1{font:700 19px/1.3 var(--t0-font);margin:20px 0 8px}
.t0-prose h2{font:700 17px/1.35 var(--t0-font);margin:22px 0 8px}
.t0-prose h3{font:600 16px/1.35 var(--t0-font);margin:18px 0 6px}
.t0-prose h4,.t0-prose h5,.t0-prose h6{font:600 15px/1.35 var(--t0-font);margin:16px 0 6px}
.t0-prose p,.t0-prose ul,.t0-prose ol,.t0-prose table,.t0-prose blockquote,.t0-prose pre{margin:0 0 12px}
.t0-prose ul,.t0-prose ol{padding-inline-start:22px}
.t0-prose li{margin:4px 0}
.t0-prose a{color:var(--t0-link,var(--t0-accent));text-decoration:underline;text-underline-offset:2px}
.t0-prose img{max-inline-size:100%;block-size:auto;border-radius:8px}
.t0-prose code{font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--t0-code);padding:1px 5px;border-radius:5px}
.t0-prose pre{position:relative;padding:12px;padding-inline-end:72px;background:var(--t0-code);border-radius:10px;overflow-x:auto}
.t0-prose pre code{padding:0;background:none;white-space:pre}
.t0-prose table{display:block;max-inline-size:100%;overflow-x:auto;border-collapse:collapse;font-size:14px}
.t0-prose th,.t0-prose td{padding:6px 10px;border:1px solid var(--t0-border);text-align:start;vertical-align:top}
.t0-prose th{background:var(--t0-bg-soft)}
.t0-prose blockquote{padding:8px 14px;border-inline-start:4px solid var(--t0-border);color:var(--t0-muted)}
.t0-prose .markdown-alert,.t0-prose [class*=alert]{padding:10px 14px;border-inline-start:4px solid var(--t0-accent);background:var(--t0-bg-soft);border-radius:8px;color:var(--t0-text)}
.t0-prose hr{border:0;border-block-start:1px solid var(--t0-border);margin:16px 0}
.t0-prose input[type=checkbox]{margin-inline-end:6px}
.t0-prose section.t0-flow{margin:16px 0;padding:12px 14px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg-soft)}
.t0-prose section.t0-flow>:first-child{margin-block-start:0}
.t0-flow-end{min-block-size:24px;padding:0;border:0;background:none;color:var(--t0-link);font:inherit;text-align:start;text-decoration:underline;text-underline-offset:2px;cursor:pointer}
span.t0-flow-end{color:inherit;text-decoration:none}
.t0-flow-end span{display:inline-block;margin-inline-start:4px;padding:0 8px;border-radius:9px;font-size:12px;font-weight:600;background:#e6edfb;color:#1e3a8a}
[data-outcome=solved] span{background:#dcfce7;color:#14532d}
.t0-copy{position:absolute;inset-block-start:8px;inset-inline-end:8px;min-block-size:28px;margin:0;padding:0 10px;border:1px solid var(--t0-border);border-radius:8px;background:var(--t0-bg);color:var(--t0-text);font:500 12px/1 var(--t0-font);cursor:pointer}
.t0-article-feedback{margin-block-start:24px;padding:14px;border:1px solid var(--t0-border);border-radius:12px;background:var(--t0-bg-soft)}
.t0-article-feedback p{margin:0 0 8px;font-weight:600}
.t0-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.t0-skeleton{block-size:12px;margin:10px 0;border-radius:6px;background:linear-gradient(90deg,var(--t0-hover),var(--t0-border),var(--t0-hover));background-size:200% 100%;animation:t0-shimmer 1.2s ease-in-out infinite}
.t0-skeleton:nth-child(2){inline-size:85%}.t0-skeleton:nth-child(3){inline-size:60%}
@keyframes t0-shimmer{to{background-position:-200% 0}}
@media (prefers-reduced-motion:reduce){.t0-panel,.t0-spinner,.t0-skeleton{animation:none}}
@media (forced-colors:active){.t0-option[aria-selected=true]{outline:2px solid Highlight}.t0-panel{border:1px solid CanvasText}.t0-header{border-block-end:1px solid CanvasText}}
`;
