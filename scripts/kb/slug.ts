/** Heading ids: GitHub-style slugs, de-duplicated per article so `#anchor` links stay unique. */

/** Lower-cases and hyphenates heading text, keeping letters and digits of any script. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s+/g, '-');
}

export interface Slugger {
  /** Returns a slug for `text` not handed out before (`setup`, `setup-1`, …). */
  slug(text: string): string;
  /** Reserves an id chosen by the author (`{#id}`), so generated slugs avoid it. */
  reserve(id: string): void;
}

/** Creates a slugger; one per article, since ids only need to be unique within a page. */
export function createSlugger(): Slugger {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let candidate = base;
    for (let n = 1; used.has(candidate); n += 1) candidate = `${base}-${n}`;
    used.add(candidate);
    return candidate;
  };
  return {
    slug: (text) => unique(slugify(text) || 'section'),
    reserve: (id) => {
      used.add(id);
    },
  };
}
