/**
 * Governing with a wallet: the test wallet (EIP-6963) proposes from a template, signs a ballot that another member
 * relays, executes a passed proposal, signals a reset and a recall, and records a temperature reading; each page
 * shows what the chain (read through the client's actions) now holds. One refusal of each kind shows exactly the
 * CLI's sentence (errorSentence) and sends nothing; proposing and executing work by keyboard alone. Each width acts
 * with its own member and proposal (global-setup.ts, governanceFixtures); the clock never moves here.
 */
import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { createWalletClient, http, type Address } from "viem";

import { readCircleRituals } from "../../client/actions/circle/readCircleRituals.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { readTemperature } from "../../client/actions/circle/readTemperature.js";
import { recordTemperature } from "../../client/actions/circle/recordTemperature.js";
import { signalReset } from "../../client/actions/circle/signalReset.js";
import { prepareAdmit } from "../../client/actions/circle/prepareAdmit.js";
import { readMandateHistory } from "../../client/actions/ledger/readMandateHistory.js";
import { signalRecall } from "../../client/actions/mandate/signalRecall.js";
import { castVoteBySignature } from "../../client/actions/proposal/castVoteBySignature.js";
import { execute } from "../../client/actions/proposal/execute.js";
import { listProposals } from "../../client/actions/proposal/listProposals.js";
import { readTally } from "../../client/actions/proposal/readTally.js";
import { readSignedBallot } from "../../client/ballots.js";
import { errorSentence } from "../../client/errors.js";
import type { AppTestSetup } from "./global-setup.js";
import { expect, expectAccessible, installTestWallet, setup, test } from "./fixtures.js";

const sent = (page: Page) => page.evaluate(() => window.__testWallet?.sent.length ?? -1);

/** The sentence the CLI prints for what `attempt` is refused with (it must be refused). */
async function refusal(attempt: () => Promise<unknown>): Promise<string> {
  return attempt().then(
    () => {
      throw new Error("expected a refusal, but it went through");
    },
    (error: unknown) => errorSentence(error),
  );
}

/** A wallet client for a node account (the node signs for it), for the CLI's side of a comparison. */
function walletOf(app: AppTestSetup, account: Address) {
  return createWalletClient({
    account,
    chain: {
      id: app.config.chainId,
      name: "test",
      nativeCurrency: { name: "E", symbol: "E", decimals: 18 },
      rpcUrls: { default: { http: [app.config.rpcUrl] } },
    },
    transport: http(app.config.rpcUrl),
  });
}

/** Connects the installed test wallet and waits for its account. */
async function connect(page: Page, account: Address) {
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(account);
}

/** A second person's page (their own browser context) with the app's configuration and their wallet. */
async function pageOf(browser: Browser, testInfo: TestInfo, account: Address): Promise<Page> {
  const { viewport, isMobile, hasTouch, baseURL } = testInfo.project.use;
  const context = await browser.newContext({ viewport, isMobile, hasTouch, baseURL });
  const page = await context.newPage();
  await page.addInitScript((config) => {
    window.__COMMONWEAL_CONFIG__ = config;
  }, setup().config);
  await installTestWallet(page, account);
  return page;
}

/** Presses Tab until `locator` has the focus (at most 60 times): reachable by keyboard, in order. */
async function tabTo(page: Page, locator: Locator) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${locator}`);
}

const width = (testInfo: TestInfo) => testInfo.project.name;

test("a member proposes from a template by keyboard alone, and the proposal appears; a refused template sends nothing", async ({
  page,
  app,
  chain,
}, testInfo) => {
  const { proposer } = app.governance;
  await installTestWallet(page, proposer);
  await page.goto(`./#/circle/${app.circle}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Connect Test Wallet" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Wallet")).toContainText(proposer);

  // Ratify the charter, typed in: its hash is prefilled into the description.
  await tabTo(page, page.getByLabel("Template"));
  await page.keyboard.type("Ratify");
  await expect(page.getByLabel("Template")).toHaveValue("charter");
  await tabTo(page, page.getByLabel(/Charter text/));
  await page.keyboard.type(`We tend the garden together, and share the harvest (${width(testInfo)}).`);
  await tabTo(page, page.getByLabel(/Where it can be read/));
  await page.keyboard.type(`ipfs://elm/charter-v3-${width(testInfo)}`);
  const description = page.getByLabel(/Description/);
  await expect(description).toHaveValue(
    new RegExp(`^Ratify the charter 0x[0-9a-f]{64} \\(ipfs://elm/charter-v3-${width(testInfo)}\\)$`),
  );
  const proposed = await description.inputValue();
  await tabTo(page, page.getByRole("button", { name: "Propose" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Proposed:" })).toBeVisible();
  expect(await sent(page)).toBe(1);

  const onChain = await listProposals(chain, { circle: app.circle });
  expect(onChain.map((p) => p.description)).toContain(proposed);
  // The ledger follows: the proposal is listed on the page without a reload.
  await expect(page.getByRole("region", { name: "Proposals" }).getByRole("link", { name: proposed })).toBeVisible();

  // Admitting someone who never asked: the client's preparation refuses it, in the CLI's sentence.
  const registry = app.config.deployments![String(app.config.chainId)]!.registry! as Address;
  const expected = await refusal(() => prepareAdmit(chain, { circle: app.circle, registry, member: app.outsider }));
  await page.getByLabel("Template").selectOption("admit");
  await page.getByLabel(/Their address/).fill(app.outsider);
  await expect(description).toHaveValue(`Admit ${app.outsider}`);
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("alert")).toHaveText(expected);
  expect(await sent(page)).toBe(1);
});

test("a member signs a ballot, another relays it, and the tally counts it; a used ballot is refused", async ({
  page,
  app,
  chain,
  browser,
  shoot,
}, testInfo) => {
  const { member, relayer: relaying } = app.governance.byWidth[width(testInfo)]!;
  const proposalId = BigInt(app.proposalId);
  const before = await readTally(chain, { circle: app.circle, proposalId });
  await installTestWallet(page, member);
  await page.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await connect(page, member);
  await page.getByLabel("Ballot's choice").selectOption("2"); // abstain
  await page.getByRole("button", { name: "Sign my ballot" }).click();
  const signed = page.getByLabel("Your signed ballot");
  await expect(signed).toHaveValue(/"signature":"0x[0-9a-f]{130}"/);
  const ballot = await signed.inputValue();
  expect(readSignedBallot(ballot)).toMatchObject({ voter: member, support: 2, proposalId });
  expect(await sent(page)).toBe(0); // signing sends nothing
  await expectAccessible(page);
  await shoot("proposal-signed");

  // Another member relays it from their own browser.
  const relayer = await pageOf(browser, testInfo, relaying);
  await relayer.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await connect(relayer, relaying);
  await relayer.getByLabel(/Signed ballot/).fill(ballot);
  await relayer.getByRole("button", { name: "Relay the ballot" }).click();
  await expect(relayer.getByRole("status").filter({ hasText: "Relayed the ballot" })).toContainText(
    `${member}, who voted abstain`,
  );
  const after = await readTally(chain, { circle: app.circle, proposalId });
  expect(after.tally.abstain).toBe(before.tally.abstain + 1n);
  await expect(relayer.getByTestId("tally")).toContainText(`abstain ${after.tally.abstain}`);
  expect(await sent(relayer)).toBe(1);

  // The same ballot again: its nonce is used; refused before anything is sent, as the CLI says it.
  const expected = await refusal(() =>
    castVoteBySignature(walletOf(app, relaying), { ballot: readSignedBallot(ballot) }),
  );
  await relayer.getByRole("button", { name: "Relay the ballot" }).click();
  await expect(relayer.getByRole("alert")).toHaveText(expected);
  expect(await sent(relayer)).toBe(1);
  await relayer.context().close();
});

test("a passed proposal is executed by keyboard alone; one whose call the contract refuses shows the CLI's sentence", async ({
  page,
  app,
  chain,
  shoot,
}, testInfo) => {
  const { execute: id, charter } = app.governance.byWidth[width(testInfo)]!;
  const { proposer } = app.governance;
  await installTestWallet(page, proposer);
  await page.goto(`./#/circle/${app.circle}/proposal/${id}`);
  await expect(page.getByTestId("tally")).toContainText("Succeeded");
  await tabTo(page, page.getByRole("button", { name: "Connect Test Wallet" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Wallet")).toContainText(proposer);
  await tabTo(page, page.getByRole("button", { name: "Execute" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Executed" })).toBeVisible();
  expect((await readTally(chain, { circle: app.circle, proposalId: BigInt(id) })).stateName).toBe("Executed");
  expect((await readCircle(chain, { circle: app.circle })).charter.contentHash).toBe(charter);
  await expect(page.getByTestId("tally")).toContainText("Executed");
  await expect(page.getByRole("button", { name: "Execute" })).toBeDisabled();
  await expect(page.getByRole("region", { name: "Carry it out" })).toContainText("executed already");
  await expectAccessible(page);
  await shoot("proposal-executed");

  const refused = app.governance.refusedExecute;
  const expected = await refusal(() =>
    execute(walletOf(app, proposer), { circle: app.circle, proposalId: BigInt(refused) }),
  );
  await page.goto(`./#/circle/${app.circle}/proposal/${refused}`);
  await expect(page.getByTestId("tally")).toContainText("Succeeded");
  await page.getByRole("button", { name: "Execute" }).click();
  await expect(page.getByRole("alert")).toHaveText(expected);
  expect(await sent(page)).toBe(1);
});

test("a member signals a reset and a recall and records a temperature reading; each repeat is refused in the CLI's sentence", async ({
  page,
  app,
  chain,
  shoot,
}, testInfo) => {
  const { member } = app.governance.byWidth[width(testInfo)]!;
  const registry = app.config.deployments![String(app.config.chainId)]!.registry! as Address;
  const circle = app.circle;
  const wallet = walletOf(app, member);
  await installTestWallet(page, member);
  await page.goto(`./#/circle/${circle}`);
  await connect(page, member);

  // A hard reset: the round's count goes up by one, as the chain counts it.
  const before = (await readCircleRituals(chain, { circle, registry, periods: 1 })).reset;
  const reset = page.getByRole("region", { name: "Reset round" });
  await reset.getByRole("button", { name: "Signal a reset" }).click();
  await expect(reset.getByRole("status")).toContainText("Your signal is recorded");
  const round = (await readCircleRituals(chain, { circle, registry, periods: 1 })).reset;
  expect(round.signals).toBe(before.open ? before.signals + 1n : 1n);
  await expect(reset.getByTestId("reset-round")).toContainText(`${round.signals} of ${round.threshold} signals`);
  const resetAgain = await refusal(() => signalReset(wallet, { circle, registry }));
  await reset.getByRole("button", { name: "Signal a reset" }).click();
  await expect(reset.getByRole("alert")).toHaveText(resetAgain);

  // A recall of the scribe's mandate: the count the ledger shows follows the chain.
  const mandateId = BigInt(app.governance.mandateId);
  const mandates = page.getByRole("region", { name: "Mandates" });
  await mandates.getByRole("button", { name: "Signal a recall of scribe" }).click();
  await expect(mandates.getByRole("status")).toContainText("Your signal is recorded");
  const { mandates: mandatesModule } = await readCircle(chain, { circle });
  const recallAgain = await refusal(() => signalRecall(wallet, { mandates: mandatesModule, mandateId }));
  const history = await readMandateHistory({ url: app.config.ledgerUrl }, { circle });
  const signals = history.mandates.find((m) => m.mandateId === mandateId)!.recallSignals;
  await expect(mandates.getByTestId(`recall-${mandateId}`)).toHaveText(`${signals} recall signal(s)`);
  await mandates.getByRole("button", { name: "Signal a recall of scribe" }).click();
  await expect(mandates.getByRole("alert")).toHaveText(recallAgain);

  // A temperature reading for the period that ended, naming a dominant member.
  const { aggregate: was } = await readTemperature(chain, { circle, registry });
  const act = page.getByRole("region", { name: "Act in this circle" });
  await act.getByRole("radio", { name: "4", exact: true }).check();
  const dominant = act.getByLabel(/Did a member dominate/);
  const named = (await dominant.locator("option").nth(2).getAttribute("value"))!;
  await dominant.selectOption(named);
  await act.getByRole("button", { name: "Record my reading" }).click();
  await expect(act.getByRole("status").filter({ hasText: "Recorded 4" })).toBeVisible();
  const { aggregate: now } = await readTemperature(chain, { circle, registry });
  expect(now!.readings).toBe((was?.period === now!.period ? was.readings : 0) + 1);
  await expect(act.getByRole("status").filter({ hasText: "Recorded 4" })).toContainText(
    `now ${now!.readings} reading(s)`,
  );
  const recordAgain = await refusal(() => recordTemperature(wallet, { circle, registry, heard: 4 }));
  await act.getByRole("button", { name: "Record my reading" }).click();
  await expect(act.getByRole("alert")).toHaveText(recordAgain);

  // Leaving asks first; staying sends nothing.
  const sentSoFar = await sent(page);
  expect(sentSoFar).toBe(3);
  await act.getByRole("button", { name: /^Leave / }).click();
  await expect(act.getByRole("group", { name: "Confirm leaving" })).toBeVisible();
  await act.getByRole("button", { name: "Stay" }).click();
  expect(await sent(page)).toBe(sentSoFar);
  await expectAccessible(page);
  await shoot("circle-acted");
});
