/**
 * The phone layout's styles (full-screen panel, 44px touch targets), in the phone chunk with the
 * modal behaviour (phone-modal.ts): on a phone-sized screen that chunk is loaded before the panel
 * first renders, and a desktop session never downloads either. Filled into the panel's phone
 * sheet by phone-modal-load.ts; the panel's own rules are in styles.ts.
 */
export const phoneCss = `
.t0-panel[data-phone]{inset:0;inline-size:100%;max-inline-size:none;block-size:100%;border:0;border-radius:0;animation:none}
@media (max-width:640px),(max-height:480px){.t0-iconbtn{min-inline-size:44px;block-size:44px}.t0-chip,.t0-btn,.t0-linkbtn{min-block-size:44px}.t0-option{padding-block:12px}
.t0-copy{min-block-size:36px}.t0-msg{max-inline-size:100%}}
`;
