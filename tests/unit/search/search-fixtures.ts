/** Small factories for search tests: articles, a KbIndex built by the real index builder, an engine. */
import { KB_SCHEMA_VERSION, type ArticleMeta, type KbIndex } from '../../../widget/core/kb-format.ts';
import { buildSearchIndex } from '../../../widget/core/search/build-index.ts';
import { loadSearchEngine } from '../../../widget/core/search/engine.ts';
import { findCorrections } from '../../../widget/core/search/corrections.ts';
import type { IndexableArticle, SearchEngine } from '../../../widget/core/search/search-types.ts';

export interface TestArticle extends IndexableArticle {
  summary: string;
}

/** An indexable article with everything empty but its id and title, unless overridden. */
export function makeArticle(overrides: Partial<TestArticle> & { id: string }): TestArticle {
  return { title: overrides.id, aliases: [], tags: [], headings: [], description: '', body: '', summary: '', ...overrides };
}

/** The metadata the compiler would write for an article. */
export function makeMeta(article: TestArticle): ArticleMeta {
  return {
    id: article.id,
    title: article.title,
    description: article.description,
    category: article.id.split('/')[0] ?? '',
    tags: article.tags,
    aliases: article.aliases,
    pages: [],
    headings: article.headings,
    summary: article.summary,
    body: `articles/${article.id.replace(/\W/g, '-')}.json`,
    hasFlow: false,
    ...(article.sections
      ? {
          sections: article.sections.map((section) => ({
            anchor: section.heading.toLowerCase().replace(/\W+/g, '-'),
            heading: section.heading,
            lead: section.heading ? section.text.slice(0, 200) : '',
          })),
        }
      : {}),
  };
}

/** A KbIndex over `articles`, with the search index built as the compiler builds it. */
export function makeIndex(articles: TestArticle[], synonyms: string[][] = []): KbIndex {
  return {
    schema: KB_SCHEMA_VERSION,
    version: 'test',
    articles: articles.map(makeMeta),
    search: JSON.parse(JSON.stringify(buildSearchIndex(articles, { synonyms }))),
  };
}

/** An engine over `articles`, loaded from a JSON round trip like the widget's. */
export function makeEngine(articles: TestArticle[], synonyms: string[][] = []): SearchEngine {
  return loadSearchEngine(makeIndex(articles, synonyms), findCorrections);
}

/** Filler body text so that test words are not the only words an article has. */
export const FILLER = 'Open the settings window, select the account tab and follow the steps shown on screen.';

/** A small help-desk knowledge base with the usual suspects. */
export function makeHelpDesk(): TestArticle[] {
  return [
    makeArticle({
      id: 'accounts/reset-password',
      title: 'Reset your password',
      aliases: ['locked out'],
      description: 'Set a new password when you have forgotten the old one.',
      summary: 'If you forgot your password, use the self-service portal to choose a new one.',
      headings: ['Before you start', 'Reset it in the portal'],
      body: `If you forgot your password, open the self-service portal. ${FILLER}`,
    }),
    makeArticle({
      id: 'printing/printer-offline',
      title: 'Printer shows offline',
      tags: ['printer'],
      description: 'Get a printer that Windows reports as offline printing again.',
      summary: 'When the printer shows offline, check the power and the cable first.',
      body: `Check the power, the cable and the Wi-Fi connection of the printer. ${FILLER}`,
    }),
    makeArticle({
      id: 'network/wifi',
      title: 'Connect to the office wireless network',
      description: 'Join the office Wi-Fi on a laptop or phone.',
      summary: 'Choose the network named CORP and sign in with your work account.',
      body: `Choose the network named CORP and sign in with your work account. ${FILLER}`,
    }),
    makeArticle({
      id: 'network/vpn',
      title: 'VPN will not connect',
      description: 'Fix the VPN client when it fails to connect from home.',
      summary: 'Check your internet connection, then restart the VPN client.',
      body: `Check your internet connection, then restart the VPN client. ${FILLER}`,
    }),
    makeArticle({
      id: 'meetings/microphone',
      title: 'Nobody can hear me in meetings',
      description: 'Fix a microphone that does not work in Teams or Zoom.',
      summary: 'Select the right microphone in the meeting settings.',
      body: `Select the right microphone in the meeting audio settings. ${FILLER}`,
    }),
    makeArticle({
      id: 'security/configuration',
      title: 'Security configuration baseline',
      description: 'The configuration every laptop gets.',
      summary: 'Every laptop is enrolled with the security configuration baseline.',
      body: `Every laptop is enrolled with the security configuration baseline. ${FILLER}`,
    }),
  ];
}
