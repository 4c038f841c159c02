/**
 * The browser tests (`npm run test:app`): Debian's Chromium, headless, driven by Playwright, at a desktop width
 * (1280 × 800) and a phone's (390 × 844), against the static build served by `vite preview`. The global setup starts
 * the stack (a hardhat node, the suite, the demo story, the ledger); the pages get its URLs at run time (see
 * tests/fixtures.ts), since Playwright starts the web server before the global setup.
 */
import { defineConfig } from "@playwright/test";

const port = Number(process.env.COMMONWEAL_APP_TEST_PORT || 4178);

export default defineConfig({
  testDir: "tests",
  globalSetup: "./tests/global-setup.ts",
  // One worker: the node, the ledger and the browser share two cores; the tests vote in turn on one chain.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    launchOptions: { executablePath: process.env.COMMONWEAL_CHROMIUM || "/usr/bin/chromium" },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "1280", use: { viewport: { width: 1280, height: 800 } } },
    { name: "390", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    // COMMONWEAL_APP_BUILT=1: the app is built already (`npm run build` just ran, as in .ci/run): serve that build.
    command: `${process.env.COMMONWEAL_APP_BUILT === "1" ? "" : "npx vite build --config app/vite.config.ts --logLevel warn && "}npx vite preview --config app/vite.config.ts --port ${port} --strictPort`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
