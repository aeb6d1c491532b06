/**
 * Everyday words that are not stop words but say almost nothing about which article is meant
 * ("straight away", "still", "trying"). They count towards a hit that also matches a telling
 * word, but never carry one on their own: "teams status away" must not find "Clear stuck print
 * jobs" because it says "straight away". Folded forms; a knowledge base's own statistics cannot
 * flag them (in a small KB "away" is as rare as "teams"), so they are listed.
 */
const WORDS = `
again ago almost already always another anymore anything anyway around away back bit come comes
coming day days done else enough everything exactly far fine get go goes going gone good got
great help instead know last later little long look looking lot lots make makes making many maybe
never next nothing often ok okay one put quite rather really right said say says see seems something
sometimes soon start still straight sure take thing things think time times today tried tries try
trying two way ways want wanted wants week went whole yesterday
`;

/** Folded weak words. */
export const WEAK_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
