/**
 * Words that negate what a question or a heading says ("not", "can't", "never", "without"),
 * folded as text.ts folds them (apostrophes dropped). Sibling sections often differ by a negation
 * alone ("Software already approved" / "Software not yet approved"), and search drops these
 * words as stop words, so section choice reads them apart (section-choice.ts). A closed class,
 * like stop words: the KB cannot teach it, so it is listed, and carried in the index so that the
 * widget ships no list of its own.
 */
const WORDS = `
no not nor never none without unable cannot cant couldnt didnt doesnt dont hadnt hasnt havent
isnt arent wasnt werent wont wouldnt shouldnt mustnt
`;

/** Folded negation words. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
