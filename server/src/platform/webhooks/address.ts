import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Where a webhook may be sent (docs/webhooks.md "Target addresses"). An endpoint's host is resolved at each attempt
// and every address it resolves to is checked; the request then connects to the checked address itself (the URL's
// host name goes in the Host header and the TLS server name), so a second DNS answer between the check and the
// connection (DNS rebinding, the time-of-check/time-of-use gap) cannot point the request somewhere else.

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** True for loopback, private, link-local, shared, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) {
    return blocked.check(mapped[1], 'ipv4');
  }
  const family = isIP(ip);
  return family === 0 || blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL cannot be an endpoint, or null: https, or http to a loopback address (local receivers, tests). */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL';
  }
  if (url.username || url.password) {
    return 'A webhook URL carries no user name or password';
  }
  if (url.protocol === 'https:') {
    return null;
  }
  if (url.protocol === 'http:' && loopbackNames.has(url.hostname)) {
    return null;
  }
  return 'Use https (plain http only to a loopback address)';
}

export interface CheckedTarget {
  url: URL;
  /** The address the request connects to: one that passed the check. */
  address: string;
  family: 4 | 6;
}

export class AddressRefused extends Error {}

/** Resolves the URL's host and checks every address; private ones only when the endpoint allows them. */
export async function checkTarget(raw: string, allowPrivate: boolean): Promise<CheckedTarget> {
  const problem = urlProblem(raw);
  if (problem) {
    throw new AddressRefused(problem);
  }
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const found = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  if (!found.length) {
    throw new AddressRefused(`${host} has no address`);
  }
  const refused = found.filter((a) => isPrivateAddress(a.address));
  if (refused.length && !allowPrivate) {
    throw new AddressRefused(
      `${host} resolves to a private or loopback address (${refused.map((a) => a.address).join(', ')}); the endpoint does not allow private addresses`,
    );
  }
  const first = found[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
