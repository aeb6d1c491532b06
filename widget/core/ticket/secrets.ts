/**
 * Finding and masking secrets users paste into help widgets: passwords, one-time codes, API keys
 * and tokens. Masking is deliberately eager (a masked word costs an agent a question; a leaked
 * password costs an account), and the mask has a fixed length so it does not leak the secret's.
 */
export const SECRET_MASK = '••••••';

export type SecretKind = 'password' | 'otp' | 'token';

export interface SecretSpan {
  kind: SecretKind;
  start: number;
  end: number;
}

// Word edges that work in every script: JS `\b` only knows ASCII letters, so `\bرمز\b` never
// matches. A word here starts and ends where no letter, combining mark, digit or `_` touches it;
// punctuation of any script (". , : ; ! ? ) ] » ، ؟") is an edge.
const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}_])';

// "password is X", "pw: X", "passwd=X", also in the widget's other locales.
const PASSWORD_WORD =
  '(?:password|passwort|passwd|passcode|passphrase|pwd|pw|pass|kennwort|mot de passe|mdp|contrase(?:ñ|n)a|clave|كلمة المرور|كلمة السر)';
const PASSWORD_RE = new RegExp(
  `${WORD_START}${PASSWORD_WORD}(?:\\s+(?:is|was|ist|war|est|était|es|era|now|هي|هو)(?![\\p{L}])\\s*:?|\\s*[:=])\\s*["'“]?([^\\s"'”,;،]+)`,
  'giu',
);

// "my password is expired" describes the problem; it is not the password.
const NOT_A_PASSWORD =
  /^(?:expired|wrong|incorrect|invalid|not|no|locked|reset|correct|too|still|required|changed|blocked|missing|empty|forgotten|different|the|a|an|my|same|weak|short|long|ok|fine|working|rejected|abgelaufen|falsch|expiré|incorrect|caducada|incorrecta)$/iu;

// Words that say "a one-time code", in English, German, French, Spanish and Arabic. Multi-word
// phrases ("code de vérification", "رمز التحقق") are covered by their key word. Arabic words may
// carry a clitic prefix (و ف ب ل ال لل) and a possessive suffix (ي ك ه نا).
const OTP_WORDS = [
  'codes?', 'otp', 'one[- ]?time', '2fa', 'mfa', 'pin', 'tan', 'mtan', 'smstan', 'sms', 'token',
  'verification', 'verify', 'authenticat(?:or|ion)', 'passcode',
  '(?:best(?:ä|ae|a)tigungs|einmal|sicherheits|zugangs|anmelde|login|verifizierungs|authentifizierungs|freigabe|aktivierungs|entsperr|sms)-?code',
  'einmal(?:passwort|kennwort)', 'bestätigung', 'zwei-?faktor',
  'vérification', 'confirmation', 'authentification', 'usage unique',
  'c[óo]digo', 'verificaci[óo]n', 'autenticaci[óo]n', 'un solo uso',
  '(?:[وفبل]|لل)?(?:ال)?(?:رمز|كود|تحقق|سري)(?:ي|ك|ه|نا)?', 'لمرة واحدة', 'rmz',
];
const OTP_WORD_RE = new RegExp(`${WORD_START}(?:${OTP_WORDS.join('|')})${WORD_END}`, 'giu');

// "error code", "exit code", "code d'erreur", "código de error", "رمز الخطأ", "zip code": the
// code word names something else, so it does not make a nearby number a one-time code.
const OTHER_CODE_BEFORE_RE =
  /(?<![\p{L}\p{M}\p{N}_])(?:error|err|exit|status|fault|http|return|response|zip|postal|post|area|country|dial|source|product|qr|bar|fehler)[\s-]*$/iu;
const OTHER_CODE_AFTER_RE = /^\s*(?:d['’]\s*erreur|de error|del error|الخطأ|خطأ|postal)(?![\p{L}\p{M}\p{N}_])/iu;

// A number labelled right before it as an error, a reference or a phone number stays as it is,
// even with a code word nearby: "error 482913" and "order 48213977" are what an agent needs to
// act on, and they are no secret.
const LABEL_GAP = String.raw`(?:\s*(?:number|nummer|numéro|numero|número|no\.?|nr\.?|n°|#|رقم)?\s*(?:is|was|ist|war|lautet|est|était|es|era|هو|هي)?\s*[:：=#№-]?\s*)$`;
const KEEP_LABEL_RE = new RegExp(
  `${WORD_START}(?:errors?|err|exit|status|fault|fehler(?:code|nummer)?|erreur|error|خطأ|الخطأ` +
    `|(?:error|exit|status|fault)[\\s-]*codes?|code d['’]\\s*erreur|c[óo]digo de error|رمز الخطأ` +
    `|orders?|invoices?|tickets?|case|ref|reference|customer|account|booking|tracking|serial|order-id` +
    `|bestellung|bestellnummer|auftrag|auftragsnummer|rechnung|rechnungsnummer|kundennummer|vorgang|sendungsnummer` +
    `|commande|facture|dossier|client|pedido|factura|cliente|referencia|طلب|الطلب|فاتورة|الفاتورة|تذكرة|التذكرة` +
    `|phone|tel|telephone|mobile|cell|call|fax|telefon|handy|mobil|téléphone|portable|teléfono|telefono|móvil|movil|هاتف|الهاتف|جوال|الجوال)` +
    LABEL_GAP,
  'iu',
);
// The code word right before the number ("PIN 1234", "TAN: 482913", "رمز التحقق: ٤٨٢٩١٣").
const CODE_LABEL_RE = new RegExp(`${WORD_START}(?:${OTP_WORDS.join('|')})(?:\\s+\\p{L}+)?${LABEL_GAP}`, 'iu');

// A run of digits of any script (ASCII, Arabic-Indic ٠-٩, Eastern Arabic-Indic ۰-۹, full-width
// ０-９ …) with single separators inside it: "482913", "482-913", "04.12.2026", "1,234,567.00".
const NUMBER_RE = /\p{Nd}(?:\p{Nd}|[.,/:'’٫٬\-](?=\p{Nd}))*/gu;
// How far (in characters) a code number may sit from a code word to count as a code.
const OTP_WINDOW = 40;

interface NumberToken {
  text: string;
  start: number;
  end: number;
}

// A number that is part of something else: "0x80070005", "INC-482913", "v2.1", "+49", "€482913",
// "482913 €", "15%", "(030) 1234567".
function isPartOfSomethingElse(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(end, end + 5);
  if (/[\p{L}\p{M}\p{N}_]$/u.test(before) || /^[\p{L}\p{M}\p{N}_]/u.test(after)) return true;
  if (/[\p{L}\p{N}][-_/.#]$/u.test(before) || /^[-_/][\p{L}\p{N}]/u.test(after)) return true;
  if (/[+\p{Sc}]\s?$/u.test(before) || /^\s?(?:\p{Sc}|%|٪)/u.test(after)) return true;
  if (/(?<![\p{L}])(?:EUR|USD|GBP|CHF|SAR|AED|EGP|MAD)\s?$/u.test(before)) return true;
  if (/^\s?(?:EUR|USD|GBP|CHF|SAR|AED|EGP|MAD)(?![\p{L}])/u.test(after)) return true;
  return /\(\p{Nd}{2,5}\)\s?$/u.test(before);
}

// Numbers separated by exactly one space belong together ("482 913", "+1 415 555 0132").
function numberChains(text: string): NumberToken[][] {
  const chains: NumberToken[][] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const token = { text: m[0], start, end: start + m[0].length };
    const chain = chains[chains.length - 1];
    const last = chain?.[chain.length - 1];
    if (chain && last && /^[ \u00A0\u202F]$/u.test(text.slice(last.end, start))) chain.push(token);
    else chains.push([token]);
  }
  return chains;
}

const PURE = /^\p{Nd}+$/u;
// Code points, not UTF-16 units: some digit scripts lie outside the BMP.
const length = (s: string): number => [...s].length;

/**
 * The spans in a chain of numbers that have the shape of a one-time code: 6–8 digits
 * ("482913"), or two groups of 3–4 ("482 913", "482-913"). Anything with a decimal point, a
 * thousands separator, a slash or a colon is a price, a date, a time or a version; three or
 * more groups, or groups of other sizes, are a phone number or a date. `short` marks a 4–5
 * digit number, a code only when a code word labels it directly ("PIN 1234").
 */
type CodeShape = NumberToken & { short: boolean };

function codeShapes(chain: NumberToken[]): CodeShape[] {
  const group = (t: NumberToken): boolean => PURE.test(t.text) && length(t.text) >= 3 && length(t.text) <= 4;
  if (chain.length === 2 && chain.every(group)) {
    return [{ text: chain.map((t) => t.text).join(' '), start: chain[0]!.start, end: chain[1]!.end, short: false }];
  }
  if (chain.length > 1 && !chain.every((t) => PURE.test(t.text) && length(t.text) >= 6 && length(t.text) <= 8)) return [];
  return chain.flatMap((t): CodeShape[] => {
    const parts = t.text.split('-');
    if (parts.length === 2 && parts.every((p) => PURE.test(p) && length(p) >= 3 && length(p) <= 4)) return [{ ...t, short: false }];
    if (!PURE.test(t.text)) return [];
    const n = length(t.text);
    if (n >= 6 && n <= 8) return [{ ...t, short: false }];
    if (n >= 4 && n <= 5) return [{ ...t, short: true }];
    return [];
  });
}

// Where the code words are, leaving out those that name another kind of code ("error code").
function codeWordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(OTP_WORD_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (/^code/i.test(m[0]) || /^c[óo]digo/i.test(m[0]) || /(?:رمز|كود)/u.test(m[0])) {
      if (OTHER_CODE_BEFORE_RE.test(text.slice(Math.max(0, start - 20), start))) continue;
      if (OTHER_CODE_AFTER_RE.test(text.slice(end, end + 20))) continue;
    }
    spans.push([start, end]);
  }
  return spans;
}

/**
 * One-time codes: a number with a code's shape near a code word, unless it is part of something
 * else (a hex or an identifier, a price, a phone number) or labelled right before as an error,
 * an order, an invoice or a phone number. Error codes stay on purpose: agents look them up.
 */
function findCodes(text: string): SecretSpan[] {
  const words = codeWordSpans(text);
  if (words.length === 0) return [];
  const spans: SecretSpan[] = [];
  for (const chain of numberChains(text)) {
    for (const code of codeShapes(chain)) {
      if (isPartOfSomethingElse(text, code.start, code.end)) continue;
      const before = text.slice(Math.max(0, code.start - 40), code.start);
      if (KEEP_LABEL_RE.test(before)) continue;
      const labelled = CODE_LABEL_RE.test(before) && words.some(([, end]) => end <= code.start && end >= code.start - 40);
      const near = words.some(([s, e]) => e >= code.start - OTP_WINDOW && s <= code.end + OTP_WINDOW);
      if (code.short ? labelled : near) spans.push({ kind: 'otp', start: code.start, end: code.end });
    }
  }
  return spans;
}

const TOKEN_PATTERNS: RegExp[] = [
  /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g,
  /\bsk-(?:[A-Za-z0-9_-]){16,}/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
];

const CANDIDATE_RE = /[A-Za-z0-9_\-+/=]{24,}/g;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// A long run of mixed letters and digits with high entropy is a key or token; words, paths
// and long numbers are not (they lack a class, or repeat characters).
function looksRandom(word: string): boolean {
  if (/^https?:/i.test(word) || word.includes('//')) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(word)).length;
  if (classes < 2 || !/\d/.test(word)) return false;
  return entropy(word) >= 3.5;
}

/** Every secret-looking span in the text, sorted and non-overlapping. */
export function findSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const m of text.matchAll(PASSWORD_RE)) {
    const value = m[1] ?? '';
    if (NOT_A_PASSWORD.test(value)) continue;
    const end = (m.index ?? 0) + m[0].length;
    spans.push({ kind: 'password', start: end - value.length, end });
  }
  spans.push(...findCodes(text));
  for (const re of TOKEN_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      spans.push({ kind: 'token', start, end: start + m[0].length });
    }
  }
  for (const m of text.matchAll(CANDIDATE_RE)) {
    if (!looksRandom(m[0])) continue;
    const start = m.index ?? 0;
    spans.push({ kind: 'token', start, end: start + m[0].length });
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: SecretSpan[]): SecretSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The kind of the first secret in the text, or null: lets the chat and the form warn the user. */
export function detectSecret(text: string): SecretKind | null {
  return findSecrets(text)[0]?.kind ?? null;
}

/** The text with every secret replaced by SECRET_MASK. */
export function maskSecrets(text: string): string {
  const spans = findSecrets(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + SECRET_MASK;
    at = span.end;
  }
  return out + text.slice(at);
}
