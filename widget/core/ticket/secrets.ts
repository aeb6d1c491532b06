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

// "password is X", "pw: X", "passwd=X", also in the widget's other locales.
const PASSWORD_WORD =
  '(?:password|passwort|passwd|passcode|passphrase|pwd|pw|pass|kennwort|mot de passe|mdp|contrase(?:ñ|n)a|clave|كلمة المرور|كلمة السر)';
const PASSWORD_RE = new RegExp(
  `\\b${PASSWORD_WORD}(?:\\s+(?:is|was|ist|war|est|était|es|era|now)(?![\\p{L}])\\s*:?|\\s*[:=])\\s*["'“]?([^\\s"'”,;]+)`,
  'giu',
);

// "my password is expired" describes the problem; it is not the password.
const NOT_A_PASSWORD =
  /^(?:expired|wrong|incorrect|invalid|not|no|locked|reset|correct|too|still|required|changed|blocked|missing|empty|forgotten|different|the|a|an|my|same|weak|short|long|ok|fine|working|rejected|abgelaufen|falsch|expiré|incorrect|caducada|incorrecta)$/iu;

const OTP_WORD_RE =
  /\b(?:code|codes|otp|one[- ]time|2fa|mfa|verification|verify|pin|token|sms|authenticator|código|codigo|bestätigungscode|rmz|رمز)\b/iu;
const DIGITS_RE = /(?<![\d.,])\d{6,8}(?![\d.,])/g;
// How far (in characters) a 6–8 digit number may sit from a code/OTP word to count as a code.
const OTP_WINDOW = 40;

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
  for (const m of text.matchAll(DIGITS_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const around = text.slice(Math.max(0, start - OTP_WINDOW), Math.min(text.length, end + OTP_WINDOW));
    if (OTP_WORD_RE.test(around)) spans.push({ kind: 'otp', start, end });
  }
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
