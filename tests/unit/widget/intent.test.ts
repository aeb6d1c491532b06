import { describe, expect, test } from 'vitest';
import { wantsHuman } from '../../../widget/core/intent.ts';

describe('wantsHuman', () => {
  test.each([
    ['en', 'Can I talk to someone please?'],
    ['en', 'HUMAN'],
    ['en', 'I want to open a ticket'],
    ['en', 'agent'],
    ['fr', 'Je veux parler à quelqu’un'],
    ['fr', 'créer un ticket'],
    ['es', 'Quiero hablar con una persona'],
    ['de', 'Ich möchte mit einem Menschen sprechen'],
    ['de', 'Ticket eröffnen'],
    ['ar', 'أريد التحدث مع شخص'],
    ['ar', 'افتح تذكرة'],
    // Phrases holding a shorter listed one ("human", "un humain", "humano") are not listed themselves.
    ['en', 'let me talk to a human'],
    ['fr', 'Je veux parler à un humain'],
    ['fr', 'parler à une personne'],
    ['es', 'hablar con un humano'],
  ])('recognises a request for a person (%s): %s', (_locale, text) => {
    expect(wantsHuman(text)).toBe(true);
  });

  test.each(['printer offline', 'humanities department printer', 'reset password', 'user agent string'.replace('agent', 'agentic')])(
    'does not fire on an ordinary question: %s',
    (text) => expect(wantsHuman(text)).toBe(false),
  );
});
