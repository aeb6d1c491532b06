/**
 * Words that ask for the explanation of a problem rather than its fix ("why", "what causes"),
 * folded. A question with one of them opens at an explanation section ("Cause") when search
 * passes the problem statement; any other question describing the problem goes on to the fix
 * (see section-choice.ts). A closed class, like stop words: the KB cannot teach it, so it is
 * listed, and carried in the index so that the widget ships no list of its own.
 */
const WORDS = `
why whys cause causes caused causing reason reasons explain explains explanation
`;

/** Folded why-words. */
export const WHY_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
