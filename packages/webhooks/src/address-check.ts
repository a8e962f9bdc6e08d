import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

/** Operator allow-list: addresses or CIDR ranges webhooks may reach even though they are not public. */
export type AllowList = readonly Cidr[];

/** Parses a comma-separated list of addresses and CIDRs (`127.0.0.1,10.1.0.0/16,::1`); throws on a bad entry. */
export function parseAllowList(text: string): AllowList {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry): Cidr => {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const addr = ipaddr.process(entry);
      return [addr, addr.kind() === 'ipv4' ? 32 : 128];
    });
}

/** True when the allow-list names the address (or a range holding it). */
export function isAllowListed(address: string, allow: AllowList): boolean {
  const addr = ipaddr.process(address);
  return allow.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/**
 * Why an address may not be called, or null when it may: only global unicast addresses pass, unless the
 * allow-list names them. IPv4-mapped IPv6 is judged as the IPv4 address it carries.
 */
export function refusalOf(address: string, allow: AllowList): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  if (isAllowListed(address, allow)) return null;
  const addr = ipaddr.process(address);
  const range = addr.range();
  return range === 'unicast' ? null : `${addr.toString()} is a ${range} address`;
}

/** Resolves a host name the way the HTTP client will; injectable so tests can pretend DNS changed. */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** A URL a webhook may not call, with the reason. */
export class RefusedUrlError extends Error {}

/**
 * Resolves a webhook URL's host and checks every address; returns them when all may be called. Plain http is
 * allowed only towards allow-listed addresses (a local receiver), never over the internet.
 */
export async function checkWebhookUrl(url: string, allow: AllowList, resolve: Resolver = systemResolver): Promise<string[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RefusedUrlError('not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RefusedUrlError('only http and https URLs');
  if (parsed.username || parsed.password) throw new RefusedUrlError('credentials in the URL are not allowed');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch (err) {
    throw new RefusedUrlError(`cannot resolve ${host}: ${(err as Error).message}`);
  }
  if (addresses.length === 0) throw new RefusedUrlError(`${host} has no address`);
  for (const address of addresses) {
    const refusal = refusalOf(address, allow);
    if (refusal) throw new RefusedUrlError(`${host} resolves to a refused address: ${refusal}`);
  }
  if (parsed.protocol === 'http:' && !addresses.every((a) => isAllowListed(a, allow))) {
    throw new RefusedUrlError('plain http is only allowed to allow-listed addresses; use https');
  }
  return addresses;
}
