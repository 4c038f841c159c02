/**
 * The member's own page and money from a wallet: the page shows what the chain says of the member (readMemberOverview)
 * and the name they set, which every page then shows with the short address (a name two people share is marked); the
 * test wallet pays in credit with a memo by keyboard alone, a payment over the credit limit shows the CLI's sentence
 * and sends nothing; it claims income, trusts and withdraws trust, and pays along trust, the path shown first. Each
 * width acts as its own people where a second run would find nothing left to do (see actorFor).
 */
import { createWalletClient, http, type Address } from "viem";
import { hardhat } from "viem/chains";

import { payInCredit } from "../../client/actions/credit/payInCredit.js";
import { readCreditAccount } from "../../client/actions/credit/readCreditAccount.js";
import { readIncomeAccount } from "../../client/actions/income/readIncomeAccount.js";
import { readIncomeGraph } from "../../client/actions/income/readIncomeGraph.js";
import { readMemberOverview } from "../../client/actions/member/readMemberOverview.js";
import { clearProfile } from "../../client/actions/profile/clearProfile.js";
import { readProfiles } from "../../client/actions/profile/readProfiles.js";
import { setProfile } from "../../client/actions/profile/setProfile.js";
import { errorSentence } from "../../client/errors.js";
import { displayName, labelsOf } from "../../client/names.js";
import { formatAmount, formatTokens } from "../../client/units.js";
import type { DeploymentAddresses } from "../../client/networks.js";
import { expect, expectAccessible, installTestWallet, sent, tabTo, test } from "./fixtures.js";
import type { AppTestSetup } from "./global-setup.js";
import type { Page } from "@playwright/test";

const addressesOf = (app: AppTestSetup) =>
  app.config.deployments![String(app.config.chainId)] as unknown as DeploymentAddresses;

/** A wallet client of the node for `account` (the node signs for its accounts): how the CLI would act. */
const nodeWallet = (app: AppTestSetup, account: Address) =>
  createWalletClient({
    account,
    chain: { ...hardhat, id: app.config.chainId },
    transport: http(app.config.rpcUrl),
  });

/** Opens the member's page with the test wallet connected, through the header's link. */
async function openMyPage(page: Page, account: Address) {
  await installTestWallet(page, account);
  await page.goto("./");
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await page.getByRole("link", { name: "Your page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your page" })).toBeVisible();
  await expect(page.getByTestId("counts")).toBeVisible();
}

test("the member's page shows their votes, mandates, cooldowns, credit and income as the chain has them, and their name", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const { ana, ben } = app.people;
  const { registry, incomeHub: hub, creditFactory, profiles } = addressesOf(app);
  await openMyPage(page, ana);
  const me = await readMemberOverview(chain, { member: ana, registry, hub, creditFactory });
  // She belongs to a circle; whether a vote still awaits her depends on the width's run (at 390 px she has already
  // voted by signature in governance.spec.ts): the page must say what the chain says either way.
  expect(me.circles.length).toBeGreaterThan(0);
  await expect(page.getByTestId("counts")).toContainText(
    `${me.counts.awaitingVote} proposal(s) await your vote; you hold ${me.counts.mandates} mandate(s); ` +
      `${me.counts.cooldowns} cooldown(s) run; you belong to ${me.circles.length} circle(s)`,
  );
  for (const c of me.circles) {
    const region = page.getByRole("region", { name: c.name, exact: true });
    for (const p of c.awaitingVote) await expect(region.getByRole("link", { name: p.description })).toBeVisible();
    for (const m of c.mandates) await expect(region).toContainText(m.role);
    if (c.credit) await expect(region.getByTestId("credit")).toContainText(`Balance ${c.credit.formatted.balance};`);
  }
  await expect(page.getByTestId("income-balance")).toHaveText(`Your own token: ${me.income!.formatted.balance}.`);
  await expect(page.getByTestId("claimable")).toContainText(`You can claim ${me.income!.formatted.claimable} now`);

  // Her name: set here, then shown with her short address wherever she appears.
  const name = page.getByRole("textbox", { name: /^Your name/ });
  await name.fill("Ana");
  await name.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: 'Your name is now "Ana"' })).toBeVisible();
  const book = await readProfiles(chain, { profiles, accounts: [ana] });
  await expect(page.getByTestId("me")).toHaveText(`${displayName(ana, book)} (you)`);
  await expectAccessible(page);
  await shoot("me");

  // Names prove nothing: when Ben calls himself Ana too, the circle's page marks both.
  await setProfile(nodeWallet(app, ben), { profiles, name: "Ana" });
  try {
    await page.goto(`./#/circle/${app.circle}`);
    const both = await readProfiles(chain, { profiles, accounts: [ana, ben] });
    const label = labelsOf([ana, ben], both);
    const members = page.getByRole("region", { name: "Members" });
    await expect(members).toContainText(label(ana));
    await expect(members).toContainText(label(ben));
    expect(label(ben)).toContain("same name as");
  } finally {
    await clearProfile(nodeWallet(app, ben), { profiles });
  }
});

test("paying in credit with a memo works by keyboard alone; over the limit, the CLI's sentence and nothing sent", async ({
  page,
  app,
  chain,
}, testInfo) => {
  const { ana, ben } = app.people;
  const { registry, creditFactory } = addressesOf(app);
  const { circles } = await readMemberOverview(chain, { member: ana, registry, creditFactory });
  const elm = circles.find((c) => c.circle === app.circle)!;
  const credit = elm.credit!;
  // The sentence the CLI prints for a payment beyond Ana's credit limit.
  const tooMuch = 1_000n;
  const expected = await payInCredit(nodeWallet(app, ana), {
    currency: credit.currency,
    to: ben,
    amount: tooMuch,
  }).then(
    () => {
      throw new Error("the payment over the limit was not refused");
    },
    (error: unknown) => errorSentence(error),
  );

  await installTestWallet(page, ana);
  await page.goto("./#/me");
  await tabTo(page, page.getByRole("button", { name: "Connect Test Wallet" }));
  await page.keyboard.press("Enter");
  const region = page.getByRole("region", { name: elm.name, exact: true });
  await expect(region.getByTestId("credit")).toContainText(`Balance ${credit.formatted.balance};`);
  await tabTo(page, region.getByLabel("or paste an address"));
  await page.keyboard.type(ben);
  await tabTo(page, region.getByLabel(/^Amount/));
  await page.keyboard.type(String(tooMuch));
  await page.keyboard.press("Enter");
  await expect(region.getByRole("alert")).toHaveText(expected);
  expect(await sent(page)).toBe(0);

  const before = (await readCreditAccount(chain, { currency: credit.currency, account: ana })).signedBalance;
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("3");
  await tabTo(page, region.getByLabel(/^What for/));
  await page.keyboard.type(`seedlings (${testInfo.project.name})`);
  await page.keyboard.press("Enter");
  const after = before - 3n;
  await expect(region.getByRole("status")).toHaveText(
    `You paid ${ben} ${formatAmount(3n, credit)} for "seedlings (${testInfo.project.name})". ` +
      `Your balance is now ${formatAmount(after, credit)}.`,
  );
  expect((await readCreditAccount(chain, { currency: credit.currency, account: ana })).signedBalance).toBe(after);
  await expect(region.getByTestId("credit")).toContainText(`Balance ${formatAmount(after, credit)};`);
  expect(await sent(page)).toBe(1);
});

test("the wallet claims income, trusts and withdraws trust, and pays along trust, the path shown first", async ({
  page,
  app,
  chain,
  shoot,
}, testInfo) => {
  // Each width acts as its own person: a second claim within the hour would mint nothing.
  const wide = testInfo.project.name === "1280";
  const actor = wide ? app.people.ana : app.people.hal;
  const gus = app.people.gus;
  const { incomeHub: hub } = addressesOf(app);
  await openMyPage(page, actor);

  // Claim: what can be claimed first, then the new balance.
  const account = await readIncomeAccount(chain, { hub, account: actor });
  await expect(page.getByTestId("claimable")).toContainText(`You can claim ${formatTokens(account.claimable)} now`);
  await page.getByRole("button", { name: "Claim income" }).click();
  const claimed = page.getByRole("status").filter({ hasText: "You claimed" });
  await expect(claimed).toBeVisible();
  const afterClaim = await readIncomeAccount(chain, { hub, account: actor });
  await expect(claimed).toContainText(`your balance is now ${formatTokens(afterClaim.balance)}`);
  await expect(page.getByTestId("income-balance")).toHaveText(`Your own token: ${formatTokens(afterClaim.balance)}.`);

  // Trust Gus for 30 days (or until a date), then withdraw it; the list of trusted people follows.
  const trust = page.getByRole("form", { name: "Trust a person" });
  await trust.getByLabel("or paste an address").fill(gus);
  if (wide) {
    await trust.getByLabel(/^Duration/).fill("30d");
  } else {
    await trust.getByRole("radio", { name: "Until" }).check();
    // The chain's clock, which the demo moved on, not the wall clock's.
    const now = Number((await chain.getBlock()).timestamp);
    await trust.getByLabel(/^Date/).fill(new Date((now + 60 * 86_400) * 1000).toISOString().slice(0, 10));
  }
  await trust.getByRole("button", { name: "Trust", exact: true }).click();
  await expect(trust.getByRole("status")).toContainText(`You trust ${gus} until`);
  const trusts = async () => (await readIncomeGraph(chain, { hub })).graph.get(actor.toLowerCase() as Address);
  expect((await trusts())?.has(gus.toLowerCase() as Address)).toBe(true);
  await expect(page.getByTestId("trusted")).toContainText(gus);
  await trust.getByRole("button", { name: "Withdraw trust" }).click();
  await expect(trust.getByRole("status")).toHaveText(`You no longer trust ${gus}.`);
  expect((await trusts())?.has(gus.toLowerCase() as Address) ?? false).toBe(false);

  // Pay Gus along trust: the pathfinder's transfers first, then the payment.
  const along = page.getByRole("form", { name: "Pay along trust" });
  // Ana shares a circle with Gus and picks him from the list; Hal, who does not, pastes his address.
  if (wide) await along.getByLabel("Pay whom").selectOption({ label: displayName(gus, new Map()) });
  else await along.getByLabel("or paste an address").fill(gus);
  await along.getByLabel(/^Amount/).fill("2");
  await along.getByRole("button", { name: "Find a path" }).click();
  const path = along.getByTestId("path").getByRole("listitem");
  await expect(path.first()).toBeVisible();
  await expect(path.last()).toContainText(`→ ${gus}`);
  const gusBefore = await readIncomeAccount(chain, { hub, account: gus, all: true });
  await along.getByRole("button", { name: "Pay 2 tokens along this path" }).click();
  await expect(along.getByRole("status")).toContainText("You paid 2 tokens along trust");
  const gusAfter = await readIncomeAccount(chain, { hub, account: gus, all: true });
  const held = (r: typeof gusAfter) => (r.others ?? []).reduce((sum, o) => sum + o.balance, 0n);
  expect(held(gusAfter) - held(gusBefore)).toBeGreaterThanOrEqual(2n * 10n ** 18n - 10n ** 15n);
  expect(await sent(page)).toBe(4);
  await expectAccessible(page);
  await shoot("me-money");
});
