// Opens an HTML document in headless Chromium and reports, as JSON on standard output, what a
// reader's browser would see: the console errors, every network request the page made, the
// page's text, how many SVG pictures it holds, whether a desktop window or a phone has to
// scroll sideways, and where it wrote a PDF (A4, as printed) and screenshots at desktop and
// phone widths (and overview.png, the top of the page down to the first chart, for the
// README).
//
//   node tests/browser/document.mjs PAGE.html OUT_DIR
//
// Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: file
// descriptors 3 and 4, messages ended by NUL), so nothing but Node's own modules is needed.
// CHROMIUM names the browser (default: chromium). Run by `cargo test -- --ignored` (`.ci/run`).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [page, outDir] = process.argv.slice(2);
if (!page || !outDir) {
  console.error('usage: node document.mjs PAGE.html OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'allocate-chromium-'));
const chrome = spawn(
  process.env.CHROMIUM || 'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ],
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
);
let chromeErr = '';
chrome.stdio[2].on('data', (d) => { chromeErr += d; });

const toBrowser = chrome.stdio[3];
const fromBrowser = chrome.stdio[4];
const pending = new Map();
const events = [];
const waiters = [];
let nextId = 0;
let buffer = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    buffer = buffer.subarray(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${JSON.stringify(message.error)}`));
      else resolve(message.result);
    } else {
      events.push(message);
      for (const w of waiters.splice(0)) w();
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = ++nextId;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  toBrowser.write(JSON.stringify(message) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

async function waitFor(method, from) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const found = events.slice(from).find((e) => e.method === method);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${method}`);
    await new Promise((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 200);
    });
  }
}

const timeout = setTimeout(() => {
  console.error(`timed out\n${chromeErr}`);
  chrome.kill('SIGKILL');
  process.exit(3);
}, 90000);

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  const evaluate = async (expression) =>
    (await s('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  await s('Page.enable');
  await s('Runtime.enable');
  await s('Log.enable');
  await s('Network.enable');

  const url = pathToFileURL(path.resolve(page)).href;
  await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
  const before = events.length;
  await s('Page.navigate', { url });
  await waitFor('Page.loadEventFired', before);

  const text = await evaluate('document.body.innerText');
  const svgs = await evaluate('document.querySelectorAll("svg").length');
  const widths = '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })';
  const desktopWidth = await evaluate(widths);
  const desktop = await s('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(outDir, 'desktop.png'), Buffer.from(desktop.data, 'base64'));

  // The README's picture: from the title down to the flow of money, scaled down.
  const bottom = await evaluate(
    'Math.ceil((document.getElementById("chart-flow") || document.body).getBoundingClientRect().bottom + window.scrollY + 16)',
  );
  const overview = await s('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: 1280, height: bottom, scale: 0.6 },
  });
  fs.writeFileSync(path.join(outDir, 'overview.png'), Buffer.from(overview.data, 'base64'));

  const pdf = await s('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync(path.join(outDir, 'document.pdf'), Buffer.from(pdf.data, 'base64'));

  await s('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  await new Promise((r) => setTimeout(r, 300));
  const phone = await evaluate(widths);
  const shot = await s('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(outDir, 'phone.png'), Buffer.from(shot.data, 'base64'));

  const consoleErrors = [];
  const requests = [];
  for (const e of events) {
    const p = e.params || {};
    if (e.method === 'Runtime.consoleAPICalled' && ['error', 'assert'].includes(p.type)) {
      consoleErrors.push(p.args.map((a) => a.value ?? a.description ?? '').join(' '));
    } else if (e.method === 'Runtime.exceptionThrown') {
      consoleErrors.push(p.exceptionDetails?.text ?? 'exception');
    } else if (e.method === 'Log.entryAdded' && p.entry?.level === 'error') {
      consoleErrors.push(p.entry.text);
    } else if (e.method === 'Network.requestWillBeSent') {
      const u = p.request?.url ?? '';
      if (u !== url && !u.startsWith('data:') && u !== 'about:blank') requests.push(u);
    }
  }
  const exited = new Promise((resolve) => chrome.on('exit', resolve));
  await send('Browser.close').catch(() => {});
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  console.log(JSON.stringify({ consoleErrors, requests, text, svgs, desktop: desktopWidth, phone }));
  clearTimeout(timeout);
} catch (error) {
  console.error(`${error.stack}\n${chromeErr}`);
  chrome.kill('SIGKILL');
  process.exit(1);
} finally {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // A profile left in the temporary folder is harmless.
  }
}
