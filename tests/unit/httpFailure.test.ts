// What a run to an HTTP target that got no answer says: the system error under undici's
// "fetch failed" (alone or in an AggregateError, as for localhost's two addresses) named for
// people with host and port, and what to do.
import { describe, expect, it } from 'vitest';
import { HttpTargetConfig } from '../../shared/calls/sync';
import { networkFailure, statusFailure } from '../../electron/sync/httpFailure';

const cfg = HttpTargetConfig.parse({
  kind: 'http',
  id: 'erp',
  url: 'https://erp.example.com/api',
  templates: { decision_event: '{}' },
  timeoutMs: 5000,
});
const failed = (cause: unknown) => new TypeError('fetch failed', { cause });

describe('HTTP target failures', () => {
  it('names a refused connection, an unknown host, a reset and a timeout', () => {
    expect(networkFailure(failed({ code: 'ECONNREFUSED' }), cfg, 'erp').message).toBe(
      'Connection refused at erp.example.com:443.',
    );
    const both = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]);
    expect(networkFailure(failed(both), cfg, 'erp').message).toMatch(/^Connection refused/);
    const dns = networkFailure(failed({ code: 'ENOTFOUND' }), cfg, 'erp');
    expect(dns.message).toBe('The host erp.example.com is not found (DNS).');
    expect(dns.hint).toMatch(/online/);
    expect(networkFailure(failed({ code: 'ECONNRESET' }), cfg, 'erp').message).toMatch(/closed before an answer/);
    expect(networkFailure(failed({ code: 'CERT_HAS_EXPIRED' }), cfg, 'erp').message).toMatch(/TLS certificate/);
    const timeout = networkFailure(new DOMException('timed out', 'TimeoutError'), cfg, 'erp');
    expect(timeout.message).toBe('No answer from erp.example.com:443 within 5 s (timeout).');
  });

  it('tells credentials refused apart from a busy receiver', () => {
    expect(statusFailure(403, cfg, 'erp', 'POST x').message).toMatch(/credentials refused/);
    expect(statusFailure(401, cfg, 'erp', 'POST x').hint).toMatch(/choose bearer or basic auth/);
    expect(statusFailure(502, cfg, 'erp', 'POST x').hint).toMatch(/stays pending/);
    expect(statusFailure(302, cfg, 'erp', 'POST x').message).toMatch(/redirect/);
  });
});
