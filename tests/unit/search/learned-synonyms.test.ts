import { describe, expect, test } from 'vitest';
import { learnAbbreviations, learnCompounds } from '../../../widget/core/search/learned-synonyms.ts';
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

describe('learnCompounds', () => {
  test('learns camel-cased names of two words with the words apart', () => {
    expect(learnCompounds(['WireGuard using NetworkManager', 'Is IVPN compatible with AppleTV?', 'OpenVPN and NetworkManager again'])).toEqual([
      ['wireguard', 'wire guard'],
      ['networkmanager', 'network manager'],
      ['appletv', 'apple tv'],
      ['openvpn', 'open vpn'],
    ]);
  });

  test('leaves out two-letter word parts, stop words, three parts, digits and code identifiers', () => {
    expect(learnCompounds(['NeSI and LoRa on WiFi', 'YouTube', 'getElementById', 'IPv6 on Win10', 'see C:\\ProgramData\\MyApp and foo.BarBaz', 'iPhone', 'IVPN', 'plain words'])).toEqual([]);
  });
});

describe('camel-cased names in search', () => {
  test('"apple tv" finds the article about AppleTV, and "network manager" the one about NetworkManager', () => {
    const engine = makeEngine([
      makeArticle({ id: 'tv/appletv', title: 'Is the VPN compatible with AppleTV?', body: `Set it up on your router instead. ${FILLER}` }),
      makeArticle({ id: 'tv/fire', title: 'Connecting on Amazon Fire TV', body: `Install the app from the store. ${FILLER}` }),
      makeArticle({ id: 'linux/nm', title: 'Set up WireGuard in NetworkManager', body: `Open the Network Manager settings. ${FILLER}` }),
      makeArticle({ id: 'linux/other', title: 'Network settings on Linux', body: `Ask your manager for access. ${FILLER}` }),
    ]);
    expect(engine.search('is there an app for apple tv', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['tv/appletv']);
    expect(engine.search('wireguard network manager', { limit: 1 }).hits.map((hit) => hit.id)).toEqual(['linux/nm']);
  });
});
