/** Readable browser and OS names from a User-Agent string (and userAgentData when the browser has it). */

export interface UaBrand {
  brand: string;
  version: string;
}

export interface UaData {
  brands?: UaBrand[];
  platform?: string;
  mobile?: boolean;
}

export interface UaDescription {
  browser: string;
  os: string;
  mobile: boolean;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/OPR\/([\d.]+)/, 'Opera'],
  [/SamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/Firefox\/([\d.]+)/, 'Firefox'],
  [/FxiOS\/([\d.]+)/, 'Firefox'],
  [/CriOS\/([\d.]+)/, 'Chrome'],
  [/HeadlessChrome\/([\d.]+)/, 'Headless Chrome'],
  [/Chrom(?:e|ium)\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari\//, 'Safari'],
];

const WINDOWS: Record<string, string> = { '10.0': '10/11', '6.3': '8.1', '6.2': '8', '6.1': '7' };

function osOf(ua: string): string {
  let m = /Windows NT ([\d.]+)/.exec(ua);
  if (m) return `Windows ${WINDOWS[m[1] ?? ''] ?? m[1]}`;
  m = /(?:iPhone|iPad|iPod).*? OS ([\d_]+)/.exec(ua);
  if (m) return `iOS ${(m[1] ?? '').replace(/_/g, '.')}`;
  m = /Android ([\d.]+)/.exec(ua);
  if (m) return `Android ${m[1]}`;
  m = /Mac OS X ([\d_.]+)/.exec(ua);
  if (m) return `macOS ${(m[1] ?? '').replace(/_/g, '.')}`;
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Linux/.test(ua)) return 'Linux';
  return 'unknown';
}

function major(version: string): string {
  return version.split('.')[0] ?? version;
}

/** Browser name + major version and OS name from a UA string, refined by userAgentData. */
export function describeUserAgent(ua: string, data?: UaData | null): UaDescription {
  let browser = 'unknown';
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${major(m[1] ?? '')}`;
      break;
    }
  }
  // Client hints are not frozen like the UA string; prefer a real brand over "Not A;Brand".
  const brand = data?.brands?.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium')
    ?? data?.brands?.find((b) => b.brand === 'Chromium');
  if (brand) browser = `${brand.brand.replace(/^Google /, '')} ${brand.version}`;
  let os = osOf(ua);
  if (data?.platform && os === 'unknown') os = data.platform;
  return { browser, os, mobile: data?.mobile ?? /Mobi|Android|iPhone|iPad/.test(ua) };
}
