// Where a server may fetch from on a user's behalf. Without this, "import from URL" would let any
// editor make the server read internal addresses (its database, a cloud metadata service):
// names are resolved and every address must be public, for the first hop and each redirect.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { IntakeError } from './errors.ts';

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  return family === 0 || PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses a URL whose host is, or resolves to, a private, loopback or link-local address. */
export async function requirePublicDestination(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new IntakeError('bad-url', `${url.hostname} does not resolve to any address.`);
  if (addresses.some(isPrivateAddress)) {
    throw new IntakeError('bad-url', `${url.hostname} is a private or local address; Habeas fetches only from the public internet.`);
  }
}
