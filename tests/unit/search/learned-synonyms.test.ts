import { describe, expect, test } from 'vitest';
import { learnAbbreviations, learnOtherNames } from '../../../widget/core/search/learned-synonyms.ts';
import { FILLER, makeArticle, makeEngine } from './search-fixtures.ts';

describe('learnAbbreviations', () => {
  test('learns "long form (SHORT)" and "SHORT (long form)"', () => {
    expect(
      learnAbbreviations([
        'Turn on Multi-Factor Authentication (MFA) for every account.',
        'Ask for WSUS (Windows Server Update Services) access.',
        'Use the Active Directory Domain Services (AD DS) console.',
      ]),
    ).toEqual([
      ['MFA', 'multi-factor authentication'],
      ['WSUS', 'windows server update services'],
      ['AD DS', 'active directory domain services'],
    ]);
  });

  test('takes only the words that spell the short form, skipping stop words inside it', () => {
    expect(learnAbbreviations(['Contact the Office of the Chief Information Officer (OCIO) today.'])).toEqual([
      ['OCIO', 'office of the chief information officer'],
    ]);
  });

  test('ignores what is no definition: two letters, lowercase asides, words that do not spell it', () => {
    expect(
      learnAbbreviations([
        'Copy a colleague (CC) on the mail.',
        'Restart the computer (see below).',
        'Open the portal (VPN) first.',
        'Install the client (version 2) again.',
      ]),
    ).toEqual([]);
  });

  test('leaves out a short form the knowledge base defines two ways', () => {
    expect(learnAbbreviations(['Get a Personal Identity Verification (PIV) card.', 'Read the Privacy Impact Verification (PIV) form.', 'Single Sign-On (SSO) works.'])).toEqual([
      ['SSO', 'single sign-on'],
    ]);
  });
});

describe('abbreviations in search', () => {
  const articles = [
    makeArticle({ id: 'software/approval', title: 'Get new software approved', body: `File a Software Review Request (SRR) with the security team. ${FILLER}` }),
    makeArticle({ id: 'software/status', title: 'Where is my request', body: `An SRR takes about two weeks. ${FILLER}` }),
    makeArticle({ id: 'software/free-tools', title: 'Free tools', body: `Open-source tools need a software review request too. ${FILLER}` }),
    makeArticle({ id: 'network/wifi', title: 'Connect to Wi-Fi', body: FILLER }),
  ];

  test('the long form finds an article that only uses the short form, and the other way round', () => {
    const engine = makeEngine(articles);
    expect(engine.search('software review request').hits.map((hit) => hit.id)).toContain('software/status');
    expect(engine.search('srr ').hits.map((hit) => hit.id)).toContain('software/free-tools');
  });
});

describe('learnOtherNames', () => {
  test('learns "X (formerly Y)" and "X (also known as Y or Z)", the name being the run the KB also uses on its own', () => {
    const groups = learnOtherNames([
      'To read mail, use Outlook on the web (formerly known as Outlook Web App).',
      'Outlook on the web shows the same folders.',
      'Chat in Skype for Business (formerly Lync) with your team.',
      'Skype for Business needs a licence.',
      'The device experiences a Stop error (also known as a bugcheck or blue screen error).',
      'Read the Stop error code first.',
    ]);
    expect(groups).toEqual([
      ['outlook on the web', 'outlook web app'],
      ['skype for business', 'lync'],
      ['stop error', 'bugcheck', 'blue screen error'],
    ]);
  });

  test('takes the capitalised words ending the clause when the KB uses no run elsewhere, and one lowercase word at most', () => {
    expect(learnOtherNames(['Sign in to Microsoft Entra ID (formerly Azure AD) first.'])).toEqual([['microsoft entra id', 'azure ad']]);
    expect(learnOtherNames(['Restoring it requires burning (also called flashing) the chip.'])).toEqual([['burning', 'flashing']]);
  });

  test('ignores asides that name nothing, and names too common to stand for another', () => {
    const common = Array.from({ length: 60 }, (_, i) => `Pick a location for file ${i}.`);
    expect(learnOtherNames(['Restart the computer (see below).', 'Open Network sharing (formerly location).', ...common])).toEqual([]);
    expect(learnOtherNames(['Version 14.2.0 (also known as 2) is out.'])).toEqual([]);
  });
});

describe('other names in search', () => {
  test('an old product name finds the articles that use only the new one', () => {
    const articles = [
      makeArticle({ id: 'chat/about', title: 'About chat', body: `Chat in Skype for Business (formerly Lync) with your team. ${FILLER}` }),
      makeArticle({ id: 'chat/status', title: 'Set your status', body: `Skype for Business shows you as away after ten minutes. ${FILLER}` }),
      makeArticle({ id: 'network/wifi', title: 'Connect to Wi-Fi', body: FILLER }),
    ];
    expect(makeEngine(articles).search('lync ').hits.map((hit) => hit.id)).toEqual(['chat/about', 'chat/status']);
  });
});
