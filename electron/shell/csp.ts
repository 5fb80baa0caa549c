// The renderer's Content-Security-Policy, one constant for every way it is served: the header on
// each app:// response (electron/shell/appProtocol.ts) and on the HTTP host's responses
// (electron/host.ts), and the <meta> in renderer/index.html (tests/unit/windowSecurity.test.ts
// checks the file holds exactly META_CSP). No 'unsafe-eval': zod runs jitless (renderer/zodJitless.ts).
//
// Why each source is there: scripts and the stylesheet are the bundle's own files. style-src
// 'unsafe-inline' is for ECharts' HTML tooltips, written as markup with style="" attributes
// (innerHTML), which the policy would refuse; React's style props and ECharts' cssText go through
// the CSSOM and would not need it (the first-run and scenarios e2e tests ran clean without it, but
// they hover no chart). img-src data: is for chart images; blob: URLs are downloads, which no
// directive governs, so blob: is not allowed anywhere.

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The Content-Security-Policy header. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The same policy for a <meta http-equiv> tag, which cannot carry frame-ancestors (Chromium
 * ignores it there and says so on the console); the header carries it.
 */
export const META_CSP = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
