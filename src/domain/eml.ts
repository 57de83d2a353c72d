/**
 * A draft as an RFC 5322 message (`.eml`) that mail programs open as a message to send: UTF-8 text, header
 * words outside ASCII encoded (RFC 2047), CRLF line ends, `X-Unsent: 1` (Outlook opens it as a draft).
 */
function encodedWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}?=`;
}

function mailbox(name: string, address: string): string {
  const display = encodedWord(name.replace(/["\\\r\n]/g, ''));
  return display === name.replace(/["\\\r\n]/g, '') ? `"${display}" <${address}>` : `${display} <${address}>`;
}

export function formatEml(message: {
  to: { name: string; address: string };
  subject: string | null;
  body: string;
  date: number;
}): string {
  const headers = [
    `To: ${mailbox(message.to.name, message.to.address)}`,
    `Subject: ${encodedWord((message.subject ?? '').replace(/[\r\n]+/g, ' '))}`,
    `Date: ${new Date(message.date).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
  ];
  const body = message.body.replace(/\r\n?/g, '\n').split('\n').join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}
