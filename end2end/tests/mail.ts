import fs from 'node:fs';
import path from 'node:path';

// The mails the test SMTP server took (scripts/test-smtp.py writes each as one JSON file in
// E2E_MAIL_DIR, set by scripts/e2e-server.sh), for the specs that follow mail end to end.
const mailDir = process.env.E2E_MAIL_DIR ?? '';

export type Mail = { envelope_to: string[]; subject: string; text: string; html: string; headers: Record<string, string> };

/** Every mail delivered to `address`, oldest first. */
export function mailsTo(address: string): Mail[] {
  if (!mailDir) throw new Error('E2E_MAIL_DIR is not set: scripts/e2e-server.sh starts the SMTP server');
  return fs
    .readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(mailDir, name), 'utf8')) as Mail)
    .filter((mail) => mail.envelope_to.includes(address));
}

/** The site path of the first link in a mail's text that contains `part`. */
export function link(text: string, part: string): string {
  const url = text.split(/\s+/).find((word) => word.includes(part));
  if (!url) throw new Error(`no …${part}… link in ${text}`);
  const parsed = new URL(url);
  return parsed.pathname + parsed.search + parsed.hash;
}
