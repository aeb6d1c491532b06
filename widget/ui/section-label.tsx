/** The section of an article a search hit answers from ("› Check your network settings"). */
import type { SectionRef } from '../core/search/search-types.ts';

/** A one-line label under a hit's title; nothing when the hit has no section. */
export function SectionLabel({ section }: { section?: SectionRef }) {
  if (!section?.heading) return null;
  return (
    <span class="t0-section" dir="auto">
      <span aria-hidden="true">› </span>
      {section.heading}
    </span>
  );
}
