/**
 * Synonyms: the built-in IT vocabulary (abbreviations, spellings, the words users type for the
 * words articles use) merged with the author's groups from kb-content/synonyms.yml.
 *
 * Every member becomes a *token*: a single word is its stem, a phrase ("sign in") is its stems
 * glued together ("signin"), which also equals the stem of the glued spelling ("signin", "login").
 * The index builder emits phrase tokens wherever a phrase occurs in the text, and the query
 * parser turns a typed phrase into one query term, so multi-word synonyms match like words.
 * Groups are not merged transitively: a term expands to the members of the groups that contain
 * it, so one broad group cannot chain unrelated words together.
 */
import { foldPhrase, stem } from './text.ts';

/** Built-in groups, written as users and articles spell them (folded when compiled). */
export const BUILTIN_SYNONYMS: readonly (readonly string[])[] = Object.freeze([
  // Accounts and sign-in
  ['password', 'passwords', 'pw', 'pwd', 'passwd', 'passcode', 'passphrase', 'credentials', 'creds'],
  ['2fa', 'mfa', 'two-factor', 'multi-factor', 'two-step verification', '2-step verification', '2sv', 'authenticator', 'authenticator app'],
  ['otp', 'one-time password', 'one-time code', 'verification code', 'security code'],
  ['login', 'log in', 'log-in', 'logon', 'log on', 'log into', 'sign in', 'signin', 'sign-in', 'sign on', 'signon', 'sign into'],
  ['logout', 'log out', 'log off', 'logoff', 'sign out', 'signout'],
  ['sso', 'single sign-on'],
  ['forgot', 'forgotten', 'forget', 'reset', 'recover', 'lost'],
  ['locked out', 'lockout', 'locked', 'lock out'],
  ['username', 'user name', 'userid', 'user id', 'login name'],
  ['account', 'acct'],
  ['prompt', 'prompted', 'prompts', 'asking', 'asks', 'pops up', 'pop up', 'popup'],
  ['expired', 'expiry', 'expiration', 'expires'],
  ['permission', 'permissions', 'rights', 'privileges', 'access denied'],
  ['admin', 'administrator'],
  ['hacked', 'compromised', 'breach', 'security incident', 'suspicious activity'],
  ['license', 'licence', 'licensing', 'licences'],
  ['badge', 'piv', 'cac', 'smart card', 'smartcard', 'id card', 'access card'],
  ['face login', 'face recognition', 'facial recognition', 'windows hello'],
  // Symptoms: the words users type for what articles call the problem
  ['cant', "can't", 'cannot', 'unable'], // stop words: equal by folding alone, listed to document it
  ['wont', "won't"],
  ['slow', 'sluggish', 'laggy', 'lag', 'lagging', 'performance', 'speed up', 'takes forever'],
  ['freeze', 'frozen', 'freezes', 'freezing', 'hang', 'hangs', 'hanging', 'unresponsive', 'not responding', 'stops responding', 'stopped responding', 'spinning wheel', 'stuck'],
  ['crash', 'crashes', 'crashing', 'stops working', 'stopped working', 'quits unexpectedly', 'closes unexpectedly', 'quit unexpectedly', 'keeps closing'],
  ['broken', 'not working', 'doesnt work', 'does not work', 'dont work', 'isnt working', 'arent working', 'stopped working', 'no longer works', 'doesnt function', 'does not function', 'not functioning', 'malfunction', 'malfunctioning'],
  ['wont start', 'wont open', 'wont launch', 'wont load', 'doesnt start', 'doesnt open', 'doesnt load', 'does not start', 'does not open', 'fails to start', 'fails to open', 'failed to start', 'dont open', 'dont start', 'dont load', 'cant open', 'cannot open', 'cannot start', 'unable to start', 'unable to open', 'not opening', 'not starting'],
  ['missing', 'disappeared', 'disappears', 'gone', 'vanished', 'not showing', 'not showing up', 'not visible', 'not appearing', 'does not appear', 'doesnt appear', 'dont appear', 'doesnt show', 'dont show', 'cant find', 'cannot find', 'cant see', 'cannot see'],
  ['too big', 'too large', 'big', 'large', 'huge', 'size limit', 'exceeds', 'oversized'],
  ['problem', 'problems', 'issue', 'issues', 'trouble'],
  ['wont send', 'cant send', 'cannot send', 'not sending', 'unable to send', 'could not be sent', 'fails to send', 'stuck in outbox'],
  ['offline', 'disconnected', 'no connection'],
  ['disconnect', 'disconnects', 'drops', 'dropping', 'keeps dropping', 'lost connection', 'connection lost'],
  // Devices and connectivity
  ['wifi', 'wi-fi', 'wireless', 'wlan'],
  ['ethernet', 'wired', 'network cable'],
  ['internet', 'network', 'connectivity'],
  ['vpn', 'virtual private network', 'globalprotect', 'anyconnect'],
  ['pc', 'laptop', 'computer', 'desktop', 'notebook', 'workstation'],
  ['printer', 'printing', 'print'],
  ['mic', 'microphone'],
  ['monitor', 'screen', 'display'],
  ['phone', 'mobile', 'smartphone', 'cellphone', 'cell phone'],
  ['tablet', 'ipad'],
  ['headset', 'headphones', 'earbuds', 'headphone'],
  ['speaker', 'speakers', 'audio', 'sound', 'volume'],
  ['camera', 'webcam', 'web cam'],
  ['battery', 'charging', 'charger'],
  ['router', 'modem'],
  ['keyboard', 'keys'],
  ['mouse', 'trackpad', 'touchpad'],
  ['disk', 'drive', 'hard drive', 'hard disk', 'ssd', 'hdd'],
  ['usb stick', 'flash drive', 'thumb drive', 'memory stick'],
  ['shared drive', 'network drive', 'mapped drive', 'file share', 'share drive'],
  ['storage', 'quota', 'disk space', 'out of space', 'free up space', 'low disk space', 'disk full'],
  ['reboot', 'restart'],
  ['boot', 'startup', 'start up', 'power on', 'turn on'],
  ['shutdown', 'shut down', 'turn off', 'power off'],
  ['sleep', 'standby', 'sleep mode'],
  ['rdp', 'remote desktop'],
  ['os', 'operating system'],
  ['mac', 'macos', 'macbook', 'os x', 'osx'],
  // Software and files
  ['app', 'application', 'program', 'software'],
  ['addin', 'add-in', 'plugin', 'plug-in', 'add-on', 'extension'],
  ['default app', 'default program', 'file association', 'associate', 'open with'],
  ['install', 'installation', 'installer', 'setup', 'set up'],
  ['uninstall', 'remove'],
  ['delete', 'remove', 'erase', 'get rid of'],
  ['restore', 'recover', 'undelete', 'get back'],
  ['update', 'upgrade', 'patch'],
  ['browser', 'browsing', 'web browser'],
  ['ie', 'internet explorer'],
  ['getting started', 'get started', 'new to', 'new user', 'beginner', 'basics', 'first steps', 'introduction', 'intro'],
  ['website', 'web site', 'webpage', 'web page'],
  ['link', 'links', 'hyperlink', 'hyperlinks', 'url'],
  ['settings', 'preferences', 'options'],
  ['config', 'configuration', 'configure'],
  ['sync', 'synchronize', 'synchronise', 'synchronization', 'syncing', 'synching', 'synch'],
  ['folder', 'directory'],
  ['doc', 'document'],
  ['pic', 'picture', 'photo', 'image'],
  ['screenshot', 'screen capture', 'snip'],
  ['shortcut', 'hotkey', 'keyboard shortcut'],
  ['info', 'information'],
  ['msg', 'message'],
  ['pdf', 'acrobat'],
  ['spreadsheet', 'excel', 'workbook'],
  ['presentation', 'powerpoint', 'slides', 'ppt'],
  ['certificate', 'cert'],
  ['virus', 'malware', 'spyware', 'ransomware', 'trojan'],
  ['phishing', 'scam', 'suspicious email'],
  ['spam', 'junk'],
  // Mail, calendar and collaboration
  ['email', 'e-mail', 'mail', 'outlook', 'emails'],
  ['inbox', 'mailbox'],
  ['shared mailbox', 'team mailbox', 'group mailbox'],
  ['contacts', 'address book'],
  ['meeting', 'appointment', 'invite', 'invitation', 'calendar item'],
  ['calendar', 'schedule'],
  ['ooo', 'out of office', 'automatic replies', 'auto reply', 'autoreply', 'vacation reply'],
  ['attachment', 'attachments', 'attached file'],
  ['video call', 'video conference', 'videoconference', 'video conferencing', 'conference call'],
  ['screen share', 'screenshare', 'share screen', 'screen sharing'],
  ['onedrive', 'one drive'],
  ['sharepoint', 'share point'],
  ['teams', 'microsoft teams', 'ms teams'],
  ['o365', 'm365', 'office 365', 'microsoft 365'],
  ['gmail', 'google mail'],
  ['gdrive', 'google drive'],
  ['helpdesk', 'help desk', 'service desk', 'it support'],
  // British spellings
  ['recognized', 'recognised'],
  ['organization', 'organisation'],
  ['color', 'colour'],
  ['favorite', 'favourite', 'favorites', 'favourites'],
  ['center', 'centre'],
  ['behavior', 'behaviour'],
  ['customize', 'customise'],
  ['authorize', 'authorise'],
  ['canceled', 'cancelled'],
]);

/** Folds synonym groups: members folded, hyphenated members also added split ("two factor"). */
export function normalizeSynonymGroups(groups: readonly (readonly string[])[]): string[][] {
  const result: string[][] = [];
  for (const group of groups) {
    const members = new Set<string>();
    for (const member of group) {
      if (typeof member !== 'string') continue;
      const folded = foldPhrase(member);
      if (folded) members.add(folded);
      const split = foldPhrase(member.replace(/[\-‐‑]/g, ' '));
      if (split) members.add(split);
    }
    if (members.size > 1) result.push([...members]);
  }
  return result;
}

let builtinGroups: string[][] | undefined;

/**
 * The built-in groups merged with the author's (already folded) groups. The built-in map is not
 * stored in each index: it lives in the code, and SEARCH_SCHEMA_VERSION changes with it.
 */
export function withBuiltinSynonyms(authorGroups: readonly (readonly string[])[]): string[][] {
  builtinGroups ??= normalizeSynonymGroups(BUILTIN_SYNONYMS);
  return [...builtinGroups, ...authorGroups.map((group) => [...group])];
}

/** A phrase that is glued into one token wherever it occurs. */
export interface Phrase {
  stems: string[];
  token: string;
}

export interface SynonymTable {
  /** Token → the other tokens of every group containing it. */
  expansions: ReadonlyMap<string, readonly string[]>;
  /** First stem → phrases starting with it, longest first. */
  phrases: ReadonlyMap<string, readonly Phrase[]>;
}

/** Token of a folded member: its stems glued together. */
export function memberToken(folded: string): string {
  return folded.split(' ').map(stem).join('');
}

/** Compiles folded groups into the lookup tables used at index and query time. */
export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  const expansionSets = new Map<string, Set<string>>();
  const phraseLists = new Map<string, Phrase[]>();
  const seenPhrases = new Set<string>();
  for (const group of groups) {
    const tokens = [...new Set(group.map(memberToken))].filter(Boolean);
    for (const token of tokens) {
      let set = expansionSets.get(token);
      if (!set) expansionSets.set(token, (set = new Set()));
      for (const other of tokens) if (other !== token) set.add(other);
    }
    for (const member of group) {
      const words = member.split(' ');
      if (words.length < 2 || seenPhrases.has(member)) continue;
      seenPhrases.add(member);
      const stems = words.map(stem);
      const first = stems[0] as string;
      const list = phraseLists.get(first) ?? [];
      list.push({ stems, token: stems.join('') });
      phraseLists.set(first, list);
    }
  }
  const expansions = new Map<string, readonly string[]>();
  for (const [token, set] of expansionSets) expansions.set(token, [...set]);
  for (const list of phraseLists.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { expansions, phrases: phraseLists };
}

/** Length of the phrase starting at `at` in a stem sequence, with its token, if any. */
export function matchPhrase(stems: readonly string[], at: number, table: SynonymTable): Phrase | undefined {
  const candidates = table.phrases.get(stems[at] as string);
  if (!candidates) return undefined;
  outer: for (const phrase of candidates) {
    if (at + phrase.stems.length > stems.length) continue;
    for (let i = 1; i < phrase.stems.length; i++) if (stems[at + i] !== phrase.stems[i]) continue outer;
    return phrase;
  }
  return undefined;
}
