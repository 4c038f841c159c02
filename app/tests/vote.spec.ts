/**
 * Acting with a wallet: the test wallet (EIP-6963) connects and votes on the open proposal, and the page shows the
 * new tally the chain counts; a vote the contract refuses shows the CLI's sentence and sends nothing; and voting
 * works by keyboard alone. Each width votes with its own members (see voterFor).
 */
import { createWalletClient, http, type Address } from "viem";

import { castVote } from "../../client/actions/proposal/castVote.js";
import { readTally } from "../../client/actions/proposal/readTally.js";
import { errorSentence } from "../../client/errors.js";
import { Support } from "../../client/proposals.js";
import { expect, expectAccessible, installTestWallet, sent, tabTo, test } from "./fixtures.js";
import type { TestInfo } from "@playwright/test";

/** The member who votes in this test: two per width (mouse, keyboard), none voting twice. */
function voterFor(voters: Address[], testInfo: TestInfo, way: "mouse" | "keyboard"): Address {
  const index = (testInfo.project.name === "1280" ? 0 : 2) + (way === "mouse" ? 0 : 1);
  return voters[index]!;
}

test("a member connects the test wallet, votes with a reason, and the page shows the chain's new tally", async ({
  page,
  app,
  chain,
  shoot,
}, testInfo) => {
  const voter = voterFor(app.voters, testInfo, "mouse");
  await installTestWallet(page, voter);
  const proposalId = BigInt(app.proposalId);
  const before = await readTally(chain, { circle: app.circle, proposalId });
  await page.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(voter);
  await page.getByLabel("For").check();
  await page.getByLabel(/Reason/).fill(`Ours is rusted through (${testInfo.project.name})`);
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You voted for" })).toBeVisible();

  const after = await readTally(chain, { circle: app.circle, proposalId });
  expect(after.tally.for).toBe(before.tally.for + 1n);
  await expect(page.getByTestId("tally")).toContainText(`for ${after.tally.for}, against ${after.tally.against}`);
  // The ledger follows: the vote and its reason appear in the list.
  await expect(page.getByRole("region", { name: "Votes and reasons" })).toContainText(
    `Ours is rusted through (${testInfo.project.name})`,
  );
  expect(await sent(page)).toBe(1);
  await expectAccessible(page);
  await shoot("proposal");
});

test("a vote the contract refuses shows the CLI's sentence, and nothing is sent", async ({ page, app, chain }) => {
  await installTestWallet(page, app.outsider);
  // The sentence the CLI prints for the same vote (tasks/cli.ts explain → the client's errorSentence).
  const outsiderWallet = createWalletClient({
    account: app.outsider,
    chain: chain.chain,
    transport: http(app.config.rpcUrl),
  });
  const expected = await castVote(outsiderWallet, {
    circle: app.circle,
    proposalId: BigInt(app.proposalId),
    support: Support.For,
  }).then(
    () => {
      throw new Error("the outsider's vote was not refused");
    },
    (error: unknown) => errorSentence(error),
  );
  expect(expected).toContain("cannot vote on proposal");

  await page.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByRole("alert")).toHaveText(expected);
  expect(await sent(page)).toBe(0);
});

test("voting works by keyboard alone", async ({ page, app, chain }, testInfo) => {
  const voter = voterFor(app.voters, testInfo, "keyboard");
  await installTestWallet(page, voter);
  await page.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await expect(page.getByTestId("tally")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Connect Test Wallet" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Wallet")).toContainText(voter);
  await tabTo(page, page.getByRole("radio", { name: "For" }));
  await page.keyboard.press("ArrowRight"); // the next choice: Against
  await expect(page.getByRole("radio", { name: "Against" })).toBeChecked();
  await tabTo(page, page.getByRole("textbox", { name: /Reason/ }));
  await page.keyboard.type("The old one can be mended");
  await tabTo(page, page.getByRole("button", { name: "Cast vote" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "You voted against" })).toBeVisible();
  const { tally } = await readTally(chain, { circle: app.circle, proposalId: BigInt(app.proposalId) });
  await expect(page.getByTestId("tally")).toContainText(`against ${tally.against}`);
});
