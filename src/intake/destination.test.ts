import { describe, expect, it } from 'vitest';
import { isPrivateAddress, requirePublicDestination } from './destination.ts';

describe('where the server may fetch from', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses a local host name and an internal address, with the reason', async () => {
    await expect(requirePublicDestination(new URL('http://localhost/x'))).rejects.toThrow(/private or local address/);
    await expect(requirePublicDestination(new URL('http://169.254.169.254/latest/meta-data'))).rejects.toThrow(/private or local/);
    await expect(requirePublicDestination(new URL('http://[::1]:3000/'))).rejects.toThrow(/private or local/);
  });
});
