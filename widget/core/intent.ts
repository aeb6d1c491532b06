/** Detects "I want a person" in what the user typed, in every supported language. */

const HUMAN_PHRASES = [
  // en
  'talk to someone', 'talk to a person', 'speak to someone', 'speak to a person',
  'real person', 'human', 'agent', 'live chat', 'open a ticket', 'create a ticket', 'raise a ticket',
  'contact support', 'call support', 'helpdesk', 'help desk', 'service desk', 'support team',
  // fr
  'parler a quelqu*', 'un humain', 'une personne', 'conseiller', 'ouvrir un ticket', 'creer un ticket',
  'contacter le support',
  // es
  'hablar con alguien', 'hablar con una persona', 'persona real', 'humano', 'abrir un ticket', 'crear un ticket',
  'contactar con soporte', 'contactar soporte',
  // de
  'mit jemandem sprechen', 'mit einem menschen', 'einen menschen', 'mensch', 'mitarbeiter',
  'ticket eroffnen', 'ticket erstellen', 'support kontaktieren',
  // ar
  'التحدث مع شخص', 'التحدث إلى شخص', 'تحدث مع شخص', 'موظف', 'إنسان', 'انسان', 'شخص حقيقي', 'فتح تذكرة', 'افتح تذكرة', 'الدعم الفني',
];

/** Lowercases, strips diacritics and apostrophes so "créer", "Créer" and "creer" compare equal. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Same cleaning for phrases and messages: letters and digits only, single spaces. */
function clean(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}* ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

// A trailing "*" marks a prefix ("quelqu'un"); other phrases must end on a word boundary, so
// "human" does not fire on "human resources"-like words such as "humanities". A phrase that
// contains another whole ("talk to a human" holds "human") would add nothing, so none is listed.
const NORMALIZED = HUMAN_PHRASES.map(clean);

/** True when the message asks for a person or a ticket rather than an answer. */
export function wantsHuman(text: string): boolean {
  const t = ` ${clean(text.replace(/\*/g, ' '))} `;
  return NORMALIZED.some((p) => (p.endsWith('*') ? t.includes(` ${p.slice(0, -1)}`) : t.includes(` ${p} `)));
}
