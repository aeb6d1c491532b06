import { describe, expect, test } from 'vitest';
import { detectSecret, maskSecrets, SECRET_MASK } from '../../../widget/core/ticket/secrets.ts';

describe('maskSecrets', () => {
  test.each([
    ['my password is hunter2', `my password is ${SECRET_MASK}`],
    ['pw: abc123!', `pw: ${SECRET_MASK}`],
    ['passwd=Sup3r and more', `passwd=${SECRET_MASK} and more`],
    ['Mon mot de passe est Soleil42', `Mon mot de passe est ${SECRET_MASK}`],
    ['mein Passwort ist Sommer2026', `mein Passwort ist ${SECRET_MASK}`],
  ])('masks the password in %j', (input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  test('masks a one-time code only when a code word is near it', () => {
    expect(maskSecrets('my code is 123456')).toBe(`my code is ${SECRET_MASK}`);
    expect(maskSecrets('the OTP 48213977 did not work')).toBe(`the OTP ${SECRET_MASK} did not work`);
    expect(maskSecrets('order 123456 was late')).toBe('order 123456 was late');
    expect(maskSecrets('room 1234 on floor 5')).toBe('room 1234 on floor 5');
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
