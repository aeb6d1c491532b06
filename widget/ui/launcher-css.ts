/**
 * Styles the loader needs before the panel arrives: the host reset and the launcher button.
 * px only (the host's `html { font-size }` must not matter). `position` is physical (the site
 * owner picks a screen corner); everything inside the panel uses logical properties for RTL.
 * The launcher's border is transparent, not absent, so forced colors (High Contrast) outline it.
 */
export const launcherCss = `
:host{all:initial!important;display:contents!important}
.t0{--t0-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Noto Sans Arabic",sans-serif;font:400 15px/1.45 var(--t0-font);color:#111827;-webkit-text-size-adjust:100%}
.t0 *,.t0 *::before,.t0 *::after{box-sizing:border-box}
.t0-launcher{position:fixed;bottom:20px;right:20px;z-index:var(--t0-z);display:inline-flex;align-items:center;gap:8px;min-block-size:48px;margin:0;padding:0 16px 0 12px;border:2px solid transparent;border-radius:24px;background:var(--t0-accent);color:var(--t0-on-accent);font:600 15px/1 var(--t0-font);letter-spacing:0;text-transform:none;cursor:pointer;box-shadow:0 1px 2px rgba(0,0,0,.12),0 6px 20px rgba(0,0,0,.18);transition:transform .15s ease,box-shadow .15s ease}
.t0[data-position=left] .t0-launcher{right:auto;left:20px}
.t0-launcher:hover{transform:translateY(-1px);box-shadow:0 2px 4px rgba(0,0,0,.14),0 10px 24px rgba(0,0,0,.2)}
.t0-launcher:focus-visible{outline:3px solid var(--t0-accent);outline-offset:3px;box-shadow:0 0 0 2px #fff}
.t0-launcher-error{position:fixed;bottom:80px;right:20px;z-index:var(--t0-z);max-inline-size:min(300px,calc(100vw - 40px));margin:0;padding:10px 14px;border:1px solid #e3e6eb;border-radius:12px;background:#fff;color:#111827;font:400 14px/1.4 var(--t0-font);box-shadow:0 6px 20px rgba(0,0,0,.18)}
.t0[data-position=left] .t0-launcher-error{right:auto;left:20px}
.t0-launcher svg{inline-size:22px;block-size:22px;flex:none}
.t0[data-open] .t0-launcher{padding:0;inline-size:48px;justify-content:center}
.t0[data-open] .t0-launcher-label{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:reduce){.t0-launcher{transition:none}.t0-launcher:hover{transform:none}}
@media print{.t0{display:none}}
`;
