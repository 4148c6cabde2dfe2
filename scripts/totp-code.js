// The current TOTP code of a secret, as an authenticator app shows it (RFC 6238: SHA-1, 6 digits,
// 30 s), for logging in to the embedded mode from a shell. Usage: node scripts/totp-code.js <base32 secret>
const { generateSync } = require('otplib');

const [secret] = process.argv.slice(2);
if (!secret) {
  process.stderr.write('usage: node scripts/totp-code.js <base32 TOTP secret>\n');
  process.exit(2);
}
process.stdout.write(`${generateSync({ secret })}\n`);
