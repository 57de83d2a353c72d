// Preloaded with `node --import` (through NODE_OPTIONS, so worker threads get it too) by
// test/no-network.test.ts: every way a Node program opens a connection or resolves a name is replaced by
// one that records the attempt in $TEND_NETWORK_LOG and throws. The test proves no command calls them.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.TEND_NETWORK_LOG;

function refuse(what, args) {
  const target = args.filter((value) => typeof value === 'string' || typeof value === 'number').join(' ');
  if (log) appendFileSync(log, `${process.pid} ${what} ${target}\n`);
  throw new Error(`network use refused by the test guard: ${what} ${target}`);
}

/**
 * A lookup of a numeric address is answered by Node itself, without a query: `server.listen(port,
 * '127.0.0.1')` (tend serve) makes one. Anything that would ask a resolver is refused.
 */
const LOOKUPS = new Set(['lookup']);

function guard(owner, name, label) {
  if (typeof owner?.[name] !== 'function') return;
  const original = owner[name];
  owner[name] = function guarded(...args) {
    if (LOOKUPS.has(name) && typeof args[0] === 'string' && net.isIP(args[0]) !== 0)
      return original.apply(this, args);
    return refuse(label, args);
  };
}

guard(net.Socket.prototype, 'connect', 'net.Socket.connect');
for (const name of ['connect', 'createConnection']) guard(net, name, `net.${name}`);
guard(tls, 'connect', 'tls.connect');
guard(dgram, 'createSocket', 'dgram.createSocket');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny'])
  guard(dns, name, `dns.${name}`);
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny'])
  guard(dns.promises, name, `dns.promises.${name}`);
guard(globalThis, 'fetch', 'fetch');
