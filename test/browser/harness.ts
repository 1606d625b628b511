/**
 * Browser tests: the real app on a loopback port (PGlite, the test fixture) driven by Debian's
 * Chromium through playwright-core, with axe-core checking WCAG 2.2 AA on every page visited.
 * Without Chromium the specs are skipped, except in CI (CI=true), where that is a failure.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build, type Built } from '../helpers/build.js'

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

if (!chromiumPath && process.env.CI === 'true')
  throw new Error('Chromium is required for the browser tests in CI (apt-get install chromium)')

export const skipBrowser: string | false = chromiumPath ? false : 'Chromium not installed (apt-get install chromium)'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface Harness {
  built: Built
  baseUrl: string
  browser: Browser
  close: () => Promise<void>
}

/** `records`: add real records for every route parameter (test/helpers/records.ts). */
export async function startHarness(options: { records?: boolean } = {}): Promise<Harness> {
  const built = await build('pglite', {}, undefined, options)
  const address = await built.app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage'
    ]
  })
  return {
    built,
    baseUrl: address,
    browser,
    close: async () => {
      await browser.close()
      await built.close()
    }
  }
}

export async function newContext(
  harness: Harness,
  options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}
): Promise<BrowserContext> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1024, height: options.height ?? 768 }
  })
  context.setDefaultTimeout(10_000)
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context)
  return context
}

/** Contexts without JavaScript: axe cannot run in them (page.evaluate never returns there). */
const withoutJavaScript = new WeakSet<BrowserContext>()

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; returns violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, so the page's strict CSP does not block it
  await page.evaluate(axeSource)
  const results = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations']
    })
  })
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (withoutJavaScript.has(page.context()))
    throw new Error(`${label}: axe needs JavaScript; check this page in a context with JavaScript enabled`)
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], `${label} (${page.url()}) has accessibility violations`)
}

/** At 320 CSS pixels (1280 px at 400% zoom) nothing may need horizontal scrolling. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth
  }))
  assert.ok(scrollWidth <= clientWidth + 1, `${label}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport`)
}
