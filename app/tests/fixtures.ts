/**
 * What every browser test shares: the stack the global setup started, the app opened with its configuration set
 * before it loads (window.__COMMONWEAL_CONFIG__), a test wallet, an axe scan, and screenshots.
 *
 * The test wallet is an EIP-1193 provider announced with EIP-6963 (and again on each request), as a browser
 * extension would: it answers for its account and chain itself and forwards everything else to the node, which
 * signs eth_sendTransaction for its own accounts. Like a real wallet it shows the site no account until asked
 * (eth_requestAccounts, wallet_requestPermissions). It counts what it was asked to send (window.__testWallet.sent).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Locator, type Page } from "@playwright/test";
import { createPublicClient, http, type Address, type PublicClient } from "viem";
import { hardhat } from "viem/chains";

import type { AppTestSetup } from "./global-setup.js";

/** Where the tests write each page's screenshot at each width; the README embeds one. */
export const SCREENSHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

declare global {
  interface Window {
    __testWallet?: { sent: unknown[] };
  }
}

/** The setup the global setup left in the environment. */
export function setup(): AppTestSetup {
  const raw = process.env.COMMONWEAL_APP_TEST;
  if (!raw) throw new Error("COMMONWEAL_APP_TEST is not set: run the tests with npm run test:app (global setup).");
  return JSON.parse(raw) as AppTestSetup;
}

/** Installs the test wallet for `account` in the page, before any of the app's scripts run. */
export async function installTestWallet(page: Page, account: Address): Promise<void> {
  const { config } = setup();
  await page.addInitScript(
    ({ rpcUrl, chainId, account }) => {
      const sent: unknown[] = [];
      window.__testWallet = { sent };
      let authorized = false;
      const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
      const forward = async (method: string, params: unknown) => {
        const response = await fetch(rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: Date.now(), method, params: params ?? [] }),
        });
        const body = (await response.json()) as {
          result?: unknown;
          error?: { code: number; message: string; data?: unknown };
        };
        if (body.error) {
          throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
        }
        return body.result;
      };
      const permissions = [
        { parentCapability: "eth_accounts", caveats: [{ type: "restrictReturnedAccounts", value: [account] }] },
      ];
      const provider = {
        async request({ method, params }: { method: string; params?: unknown[] }) {
          switch (method) {
            // As a real wallet: no account for the site until it asks and the person agrees (here: always).
            case "eth_requestAccounts":
              authorized = true;
              return [account];
            case "eth_accounts":
              return authorized ? [account] : [];
            case "eth_chainId":
              return `0x${chainId.toString(16)}`;
            case "wallet_requestPermissions":
              authorized = true;
              return permissions;
            case "wallet_getPermissions":
              return authorized ? permissions : [];
            case "wallet_revokePermissions":
              authorized = false;
              return null;
            case "wallet_switchEthereumChain":
              return null;
            case "eth_sendTransaction":
              sent.push(params?.[0]);
              return forward(method, params);
            default:
              return forward(method, params);
          }
        },
        on(event: string, listener: (...args: unknown[]) => void) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(listener);
        },
        removeListener(event: string, listener: (...args: unknown[]) => void) {
          listeners.get(event)?.delete(listener);
        },
      };
      const info = {
        uuid: "6f1c3c52-5b1e-4c38-9a77-3c1d2b9e0a01",
        name: "Test Wallet",
        icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E%3Crect width='8' height='8' fill='%231f5f3f'/%3E%3C/svg%3E",
        rdns: "org.commonweal.testwallet",
      };
      const announce = () =>
        window.dispatchEvent(
          new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }),
        );
      window.addEventListener("eip6963:requestProvider", announce);
      announce();
    },
    { rpcUrl: config.rpcUrl, chainId: config.chainId, account },
  );
}

/** No serious or critical accessibility violation on the page as it is. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
  ).toEqual([]);
}

/** Presses Tab until `locator` has the focus (at most 40 times): reachable by keyboard, in order. */
export async function tabTo(page: Page, locator: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** How many transactions the test wallet was asked to send. */
export const sent = (page: Page) => page.evaluate(() => window.__testWallet?.sent.length ?? -1);

export const test = base.extend<{ app: AppTestSetup; chain: PublicClient; shoot: (name: string) => Promise<void> }>({
  app: async ({ page }, use) => {
    const s = setup();
    await page.addInitScript((config) => {
      window.__COMMONWEAL_CONFIG__ = config;
    }, s.config);
    await use(s);
  },
  chain: async ({}, use) => {
    const { config } = setup();
    await use(createPublicClient({ chain: { ...hardhat, id: config.chainId }, transport: http(config.rpcUrl) }));
  },
  /** Checks the page fits the window's width and writes its screenshot as docs/screenshots/<name>-<width>.png. */
  shoot: async ({ page }, use, testInfo) => {
    await use(async (name) => {
      // Usable at a phone's width: nothing makes the page scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "the page is wider than the window").toBeLessThanOrEqual(0);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}${name}-${testInfo.project.name}.png`, fullPage: true });
    });
  },
});

export { expect };
