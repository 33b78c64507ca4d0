/** A readable guess at a browser and its operating system from a User-Agent header (null parts are unknown). */
export interface Device {
  browser: string | null;
  os: string | null;
}

const major = (ua: string, re: RegExp): string => {
  const v = re.exec(ua)?.[1];
  return v ? ` ${v}` : '';
};

// Order matters: Edge, Opera and WeChat say "Chrome" too, Chrome says "Safari".
const browsers: [RegExp, string, RegExp | null][] = [
  [/MicroMessenger\//, 'WeChat', /MicroMessenger\/(\d+)/],
  [/Edg(e|A|iOS)?\//, 'Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  [/OPR\/|Opera/, 'Opera', /OPR\/(\d+)/],
  [/SamsungBrowser\//, 'Samsung Internet', /SamsungBrowser\/(\d+)/],
  [/Firefox\/|FxiOS\//, 'Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  [/HeadlessChrome\//, 'Headless Chrome', /HeadlessChrome\/(\d+)/],
  [/Chrome\/|CriOS\//, 'Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  [/Version\/[\d.]+.*Safari\//, 'Safari', /Version\/(\d+)/],
  [/^curl\//, 'curl', /^curl\/([\d.]+)/],
  [/^node|undici/i, 'Node.js', null],
];

const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

export function describeDevice(ua: string | null | undefined): Device {
  if (!ua) {
    return { browser: null, os: null };
  }
  const b = browsers.find(([test]) => test.test(ua));
  const os = systems.find(([test]) => test.test(ua))?.[1] ?? null;
  return { browser: b ? `${b[1]}${b[2] ? major(ua, b[2]) : ''}` : null, os };
}
