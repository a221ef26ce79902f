import { z } from "zod";

/**
 * The minimum for a new password, after NCSC and NIST SP 800-63B: long rather than complex (no
 * rules about symbols, which push people to predictable patterns), not a well-known password,
 * not the person's own e-mail address. At most 128 characters, so hashing cannot be made slow
 * on purpose with an enormous one.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// The passwords at the top of every breach list, and their obvious variants; anything on the
// list is refused. A short list by design: length already rules out most of the common ones.
const commonPasswords = new Set([
  "123456789012",
  "1234567890123",
  "qwertyuiopas",
  "passwordpassword",
  "password1234",
  "password12345",
  "password123456",
  "iloveyou1234",
  "letmeinletmein",
  "welcome12345",
  "welcomewelcome",
  "changemechangeme",
  "administrator",
  "administrator1",
  "qwerty123456",
  "1q2w3e4r5t6y",
  "abc123abc123",
  "aaaaaaaaaaaa",
  "pathfinder123",
  "pathfinder1234",
  "correct horse battery staple",
]);

const characterCount = (password: string) => [...password].length;

/** The rules a new password must meet, as one zod schema (messages say what to do). */
export function newPasswordSchema(email: string) {
  const address = email.toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  const containsAddress = (password: string) => {
    const lower = password.toLowerCase();
    return lower.includes(address) || (localPart.length >= 4 && lower.includes(localPart));
  };
  return z
    .string()
    .refine((password) => characterCount(password) >= PASSWORD_MIN_LENGTH, {
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters. A few words together is easy to remember.`,
    })
    .refine((password) => characterCount(password) <= PASSWORD_MAX_LENGTH, {
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    })
    .refine((password) => new Set(password).size > 3, { message: "Use more than three different characters." })
    .refine((password) => !commonPasswords.has(password.toLowerCase()), {
      message: "That password is too well known. Choose another.",
    })
    .refine((password) => !containsAddress(password), {
      message: "Do not use your e-mail address in your password.",
    });
}
