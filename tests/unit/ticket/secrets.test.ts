import { describe, expect, test } from 'vitest';
import { detectSecret, maskSecrets, SECRET_MASK } from '../../../widget/core/ticket/secrets.ts';

describe('maskSecrets', () => {
  test.each([
    ['my password is hunter2', `my password is ${SECRET_MASK}`],
    ['pw: abc123!', `pw: ${SECRET_MASK}`],
    ['passwd=Sup3r and more', `passwd=${SECRET_MASK} and more`],
    ['Mon mot de passe est Soleil42', `Mon mot de passe est ${SECRET_MASK}`],
    ['mein Passwort ist Sommer2026', `mein Passwort ist ${SECRET_MASK}`],
    // JS `\b` is ASCII-only: an Arabic keyword at the start of the text never matched.
    ['كلمة المرور: Sommer2026، لا تعمل', `كلمة المرور: ${SECRET_MASK}، لا تعمل`],
    ['كلمة السر هي Sommer2026', `كلمة السر هي ${SECRET_MASK}`],
  ])('masks the password in %j', (input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  test('masks a one-time code only when a code word is near it', () => {
    expect(maskSecrets('my code is 123456')).toBe(`my code is ${SECRET_MASK}`);
    expect(maskSecrets('the OTP 48213977 did not work')).toBe(`the OTP ${SECRET_MASK} did not work`);
    expect(maskSecrets('order 123456 was late')).toBe('order 123456 was late');
    expect(maskSecrets('room 1234 on floor 5')).toBe('room 1234 on floor 5');
  });

  // One row per phrasing: the text and what the ticket must carry. `M` is the mask.
  const M = SECRET_MASK;
  test.each([
    // English: codes after punctuation, split codes, other keywords
    ['MFA code 482913. rejected', `MFA code ${M}. rejected`],
    ['code: 482913.', `code: ${M}.`],
    ['OTP 482913, still nothing', `OTP ${M}, still nothing`],
    ['code 482913 didnt work', `code ${M} didnt work`],
    ['my one-time code (482913) expired', `my one-time code (${M}) expired`],
    ['2FA code is 482 913!', `2FA code is ${M}!`],
    ['verification code: 482-913?', `verification code: ${M}?`],
    ['The SMS said 4829 1377; login fails', `The SMS said ${M}; login fails`],
    ['PIN 4821 is blocked', `PIN ${M} is blocked`],
    ['authenticator shows [48213977]', `authenticator shows [${M}]`],
    ['code "482913" rejected', `code "${M}" rejected`],
    ['full-width OTP ４８２９１３ failed', `full-width OTP ${M} failed`],
    // German
    ['Der Bestätigungscode 482913 funktioniert nicht.', `Der Bestätigungscode ${M} funktioniert nicht.`],
    ['Einmalcode: 482 913', `Einmalcode: ${M}`],
    ['Meine TAN 482913, abgelehnt', `Meine TAN ${M}, abgelehnt`],
    ['Der Code lautet 482-913.', `Der Code lautet ${M}.`],
    ['PIN: 4821', `PIN: ${M}`],
    // French
    ['Le code de vérification 482913 ne marche pas', `Le code de vérification ${M} ne marche pas`],
    ['code à usage unique : 482 913 !', `code à usage unique : ${M} !`],
    ['Mon code 2FA est 482913…', `Mon code 2FA est ${M}…`],
    ['« 482913 » était mon code', `« ${M} » était mon code`],
    // Spanish
    ['El código de verificación 482913 no funciona.', `El código de verificación ${M} no funciona.`],
    ['¿Mi código es 482 913?', `¿Mi código es ${M}?`],
    ['codigo: 482-913', `codigo: ${M}`],
    ['El PIN 4821 no sirve', `El PIN ${M} no sirve`],
    // Arabic: Western, Arabic-Indic and Eastern Arabic-Indic digits, Arabic punctuation
    ['رمز التحقق 482913 لا يعمل', `رمز التحقق ${M} لا يعمل`],
    ['رمز التحقق: ٤٨٢٩١٣، مرفوض', `رمز التحقق: ${M}، مرفوض`],
    ['الرمز ٤٨٢ ٩١٣ لا يعمل؟', `الرمز ${M} لا يعمل؟`],
    ['كود ۴۸۲۹۱۳.', `كود ${M}.`],
    ['وصلني رمز 482-913 لكنه مرفوض', `وصلني رمز ${M} لكنه مرفوض`],
    ['OTP ٤٨٢٩١٣ رفض', `OTP ${M} رفض`],
  ])('masks the one-time code in %j', (input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  test.each([
    // Reference numbers, without a code word or labelled right before the number
    ['order 48213977 was late'],
    ['invoice 482913, paid twice'],
    ['ticket 482913 is still open'],
    ['Ticket L1-1001 about my code'],
    ['Bestellung 48213977 ist nicht angekommen'],
    ['Rechnungsnummer 482913: falscher Betrag'],
    ['commande 482913 jamais reçue'],
    ['pedido 482913 no llegó'],
    ['الطلب 482913 لم يصل'],
    ['order 48213977, the code never came'],
    // Dates, prices, decimals, phone numbers, versions, times
    ['code sent on 2026-12-04'],
    ['Code kam am 04.12.2026 nicht an'],
    ['code expired 12/04/2026 at 14:30'],
    ['charged €482,913.00 after entering the code'],
    ['Betrag 482.913 € trotz Code'],
    ['code for the $1,234,567 account'],
    ['the code cost 482913 €'],
    ['code took 4.82913 seconds'],
    ['call +49 30 12345678 for a new code'],
    ['my phone 0151 2345678 gets no code'],
    ['code comes to (030) 1234567'],
    ['Telefon: 48213977, Code kommt nicht'],
    ['SMS code app v2.4.1 on build 482913-b'],
    // Error codes: agents look these up, so they stay
    ['error code 0x80070005'],
    ['error 482913 after the MFA prompt'],
    ['error code 482913'],
    ['Fehlercode 482913 beim Code'],
    ["code d'erreur 482913"],
    ['código de error 482913'],
    ['رمز الخطأ 482913'],
    ['exit code 482913'],
    // Numbers of other shapes, and no code word at all
    ['room 1234 on floor 5'],
    ['482913 is the number on my badge'],
    ['code 1234567890123 is my IBAN tail'],
    ['my PIN stopped working in 2026'],
    ['code 12 34 56 is three groups'],
  ])('leaves %j as it is', (input) => {
    expect(maskSecrets(input)).toBe(input);
  });

  test.each([
    ['key sk-abcdefghijklmnop1234567890'],
    ['token ghp_ABCDEFGHIJKLMNOPQRSTuvwxyz0123456789'],
    ['Authorization: Bearer abc.def.ghi'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['AKIAIOSFODNN7EXAMPLE'],
    ['secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here'],
  ])('masks the key or token in %j', (input) => {
    const masked = maskSecrets(input);
    expect(masked).toContain(SECRET_MASK);
    expect(masked).not.toMatch(/sk-abc|ghp_|abc\.def|eyJ|AKIA|wJalr/);
  });

  test('leaves ordinary help requests, URLs and problem descriptions alone', () => {
    for (const text of [
      'printer offline since yesterday',
      'I forgot my password',
      'my password is expired',
      'https://example.com/very/long/path/to/some/page-name-here',
      'error 0x80070005 when installing',
    ]) {
      expect(maskSecrets(text)).toBe(text);
    }
  });

  test('gives every secret the same mask length, hiding how long it was', () => {
    expect(maskSecrets('pw: x')).toBe(maskSecrets('pw: averyveryverylongpassword'));
  });
});

describe('detectSecret', () => {
  test('names the kind of the first secret so the chat can warn the user', () => {
    expect(detectSecret('my password is hunter2')).toBe('password');
    expect(detectSecret('verification code 884201')).toBe('otp');
    expect(detectSecret('Bearer abcdef123456')).toBe('token');
    expect(detectSecret('how do I reset my password?')).toBeNull();
  });
});
