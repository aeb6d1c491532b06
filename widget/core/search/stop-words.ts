/**
 * English stop words, in folded form (apostrophes already removed: "dont", "cant").
 * Dropped from the index and from queries: they match almost every article, so they only cost
 * time and blur ranking. Words that carry meaning in IT questions stay searchable ("off",
 * "up", "down", "new", "open", "out" and "on" only count inside synonym phrases such as
 * "log on" and "out of office", which are matched before stop words are dropped).
 */
const WORDS = `
a about above after again against all also am an and any are arent as at be because been
before being below between both but by can cant cannot could couldnt did didnt do does doesnt
doing dont during each either etc even ever every few for from further get gets getting got
had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself
his how hows however i id ill im ive if in into is isnt it its itself just keep keeps kept let lets
like may me might more most much must mustnt my myself need needs neither no nor not now of
on once only or other ought our ours ourselves out over own please same shall shant she shed
shell shes should shouldnt since so some still such than that thats the their theirs them
themselves then there theres these they theyd theyll theyre theyve this those though through
thus to too under until unable upon us very via was wasnt we wed well were weve werent what
whats when whens where wheres whether which while who whos whom why whys will with without
wont would wouldnt yet you youd youll youre youve your yours yourself yourselves
`;

/** Folded English stop words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
