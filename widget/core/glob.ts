/** URL glob matching for articles' `pages:` front matter (`/billing/*`, `/admin/**`, `*.pdf`). */

/** Converts a glob into an anchored RegExp: `*` stays within a path segment, `**` crosses them. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "/**" also matches the folder itself ("/admin/**" matches "/admin").
        if (re.endsWith('/') && (i + 2 === glob.length)) {
          re = `${re.slice(0, -1)}(?:/.*)?`;
        } else re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** True when the path (no query or hash) matches the glob; a trailing slash is not significant. */
export function matchGlob(glob: string, path: string): boolean {
  const clean = path.split(/[?#]/)[0] ?? '';
  const re = globToRegExp(glob.trim());
  if (re.test(clean)) return true;
  const alt = clean.endsWith('/') && clean.length > 1 ? clean.slice(0, -1) : `${clean}/`;
  return re.test(alt);
}

/** Ids of articles with a `pages:` glob matching the path, in article order. */
export function matchPages(articles: ReadonlyArray<{ id: string; pages: string[] }>, path: string): string[] {
  return articles.filter((a) => a.pages.some((g) => matchGlob(g, path))).map((a) => a.id);
}
