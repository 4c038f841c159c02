/**
 * The rituals of rotation on the circle page (issue 17). Elm Street Garden, as the demo leaves it: a pair-link audit
 * published by both auditors with its listening session, and a mentorship inversion completed; each checked against
 * the chain through the client's reads (listAudits, readAudit, readMentorship) and the ledger's reports. Birch Lane
 * Gardens has the same rules but no audit and no inversion yet, so members take the steps there from the page: the
 * desktop width starts the period's audit (drawing the auditors too early shows the CLI's sentence) and draws its
 * auditors, then starts and completes the mentorship inversion; at each width one auditor publishes their report
 * (recording the audit missed before its end shows the CLI's sentence), and once both have, the listening session
 * is recorded.
 */
import type { TestInfo } from "@playwright/test";
import { createWalletClient, http, type Address, type PublicClient } from "viem";

import { completeAuditorDraw } from "../../client/actions/audit/completeAuditorDraw.js";
import { listAudits } from "../../client/actions/audit/listAudits.js";
import { readAudit } from "../../client/actions/audit/readAudit.js";
import { recordAuditMissed } from "../../client/actions/audit/recordAuditMissed.js";
import { requestAuditorDraw } from "../../client/actions/audit/requestAuditorDraw.js";
import { listCircles } from "../../client/actions/circle/listCircles.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { readMentorship } from "../../client/actions/circle/readMentorship.js";
import { listLedgerAudits } from "../../client/actions/ledger/listLedgerAudits.js";
import { charterHash } from "../../client/charter.js";
import { errorSentence } from "../../client/errors.js";
import { isoTime } from "../../client/time.js";
import { rpc } from "../../e2e/nodes.js";
import type { AppTestSetup } from "./global-setup.js";
import { expect, expectAccessible, installTestWallet, sent, test } from "./fixtures.js";

const registryOf = (app: AppTestSetup) => app.config.deployments![String(app.config.chainId)]!.registry as Address;

/** A time as the page writes it (the Time component). */
const shown = (at: bigint | number) => isoTime(at).replace("T", " ").replace("Z", " UTC");

/** The node signs for its own accounts: a wallet for a demo member, for steps the test takes through the client. */
const walletOf = (app: AppTestSetup, chain: PublicClient, account: Address) =>
  createWalletClient({ account, chain: chain.chain, transport: http(app.config.rpcUrl) });

/** What a client action refuses, in the CLI's sentence. */
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => {
      throw new Error("the step was not refused");
    },
    (error: unknown) => errorSentence(error),
  );

/**
 * Mines blocks until the randomness of a request made now is out (PrevrandaoRandomness: 4 blocks on, then 1). The
 * client's randomnessProof reads the latest block afresh, so a step retried at once after the blocks sees them.
 */
async function mineRandomness(app: AppTestSetup) {
  for (let i = 0; i < 5; i++) await rpc(app.config.rpcUrl, "evm_mine");
}

/** Birch Lane Gardens: its address, members and mandates module. */
async function birchLane(app: AppTestSetup, chain: PublicClient) {
  const { circles } = await listCircles(chain, { registry: registryOf(app) });
  const birch = circles.find((c) => c.name === "Birch Lane Gardens");
  if (!birch) throw new Error("The demo made no Birch Lane Gardens.");
  const { members, mandates } = await readCircle(chain, { circle: birch.address });
  return { circle: birch.address, members, mandates };
}

test("the circle page shows the latest pair-link audit and the mentorship pairs as the chain has them", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const registry = registryOf(app);
  const { mandates } = await readCircle(chain, { circle: app.circle });
  const { current, audits } = await listAudits(chain, { mandates, limit: 1 });
  expect(current?.auditId, "the demo audits Elm Street Garden in the running period").not.toBeNull();
  const audit = await readAudit(chain, { mandates, auditId: audits[0]!.auditId });
  expect(audit.status).toBe("published");
  const { audits: ledgerAudits } = await listLedgerAudits({ url: app.config.ledgerUrl }, { circle: app.circle });
  const reports = ledgerAudits.find((a) => a.auditId === audit.auditId)!.reports;

  await page.goto(`./#/circle/${app.circle}`);
  const section = page.getByRole("region", { name: "Pair-link audit", exact: true });
  await expect(section.getByTestId("audit-period")).toContainText(
    `Audit period ${current!.period} runs from ${shown(current!.startsAt)} to ${shown(current!.endsAt)}`,
  );
  await expect(section.getByTestId("audit-period")).toContainText(`Its audit is audit ${current!.auditId}.`);
  await expect(section.getByTestId("audit-status")).toContainText(
    `Audit ${audit.auditId} (period ${audit.period}, until ${shown(audit.endsAt)}): held: both auditors published`,
  );
  const auditors = section.getByTestId("auditors").getByRole("listitem");
  await expect(auditors).toHaveCount(2);
  for (const [i, auditor] of audit.auditors.entries()) {
    const report = reports.find((r) => r.auditor === auditor.address)!;
    await expect(auditors.nth(i)).toContainText(`published their report on ${shown(auditor.publishedAt!)}`);
    await expect(auditors.nth(i)).toContainText(report.contentHash);
    await expect(auditors.nth(i).getByRole("link", { name: report.uri })).toHaveAttribute("href", report.uri);
  }
  await expect(section.getByTestId("listening-session")).toContainText(
    `The listening session was held on ${shown(audit.session!.heldAt)}`,
  );
  await expect(section.getByRole("link", { name: "the pair-link map" })).toBeVisible();
  // This period's audit is held and its session recorded: no step applies.
  await expect(section.getByRole("button")).toHaveCount(0);

  const m = await readMentorship(chain, { circle: app.circle, registry });
  expect(m.number, "the demo completes an inversion").toBeGreaterThan(0n);
  const mentorship = page.getByRole("region", { name: "Mentorship", exact: true });
  await expect(mentorship.getByTestId("inversion")).toContainText(
    `Inversion ${m.number} made these pairs on ${shown(m.completedAt!)}`,
  );
  await expect(mentorship.getByTestId("inversion")).toContainText(`the next is due ${shown(m.nextDueAt!)}`);
  const pairs = mentorship.getByTestId("mentorship-pairs").getByRole("listitem");
  await expect(pairs).toHaveCount(m.pairs.length);
  await expect(pairs.first()).toContainText(`(admitted ${shown(m.pairs[0]!.mentor.admittedAt)}) →`);
  await expect(pairs.first()).toContainText(`(admitted ${shown(m.pairs[0]!.mentee.admittedAt)})`);
  if (m.unpaired.length > 0)
    await expect(mentorship.getByTestId("mentorship-unpaired").getByRole("listitem")).toHaveCount(m.unpaired.length);
  else await expect(mentorship).toContainText("Every member is in a pair.");
  await expect(mentorship.getByRole("button", { name: "Start the inversion" })).toHaveCount(m.canRequest ? 1 : 0);
  await expectAccessible(page);
  await shoot("circle-rotation");
});

test("a member starts this period's audit from the page and draws its auditors once the randomness is out", async ({
  page,
  app,
  chain,
}, testInfo: TestInfo) => {
  test.skip(testInfo.project.name !== "1280", "one audit per period: the desktop width starts Birch Lane's");
  const birch = await birchLane(app, chain);
  const before = await listAudits(chain, { mandates: birch.mandates, limit: 1 });
  expect(before.current?.auditId ?? null, "Birch Lane has no audit in this period yet").toBeNull();
  const [starter] = birch.members;
  await installTestWallet(page, starter!);
  await page.goto(`./#/circle/${birch.circle}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(starter!);
  const section = page.getByRole("region", { name: "Pair-link audit", exact: true });
  await expect(section.getByTestId("audit-period")).toContainText("Its audit has not been started");
  await section.getByRole("button", { name: "Start this period's audit" }).click();
  await expect(section.getByRole("status").filter({ hasText: "is started" })).toBeVisible();
  const { audits } = await listAudits(chain, { mandates: birch.mandates, limit: 1 });
  const auditId = audits[0]!.auditId;
  await expect(section.getByTestId("audit-status")).toContainText(`Audit ${auditId} (period`);
  await expect(section.getByTestId("audit-status")).toContainText("waiting for its two auditors to be drawn");

  // Too early: the randomness is not out, and the page says so in the CLI's words (nothing is sent).
  const early = await refusal(
    completeAuditorDraw(walletOf(app, chain, starter!), { mandates: birch.mandates, auditId }),
  );
  await section.getByRole("button", { name: "Draw the auditors" }).click();
  await expect(section.getByRole("alert")).toHaveText(early);
  expect(await sent(page)).toBe(1);

  await mineRandomness(app);
  await section.getByRole("button", { name: "Draw the auditors" }).click();
  await expect(section.getByRole("status").filter({ hasText: "audit until" })).toBeVisible();
  const drawn = await readAudit(chain, { mandates: birch.mandates, auditId });
  expect(drawn.status).toBe("drawn");
  await expect(section.getByTestId("audit-status")).toContainText("running: its two auditors write their reports");
  await expect(section.getByTestId("auditors").getByRole("listitem")).toHaveCount(2);
  await expect(section.getByTestId("auditors")).toContainText("has not published a report yet");
  expect(await sent(page)).toBe(2);
  await expectAccessible(page);
});

test("an auditor publishes their report from the page; recording the audit missed before its end shows the CLI's sentence", async ({
  page,
  app,
  chain,
  shoot,
}, testInfo: TestInfo) => {
  const birch = await birchLane(app, chain);
  // Run alone, this width brings Birch Lane's audit to its draw through the client first.
  let { audits, current } = await listAudits(chain, { mandates: birch.mandates, limit: 1 });
  const anyone = walletOf(app, chain, birch.members[0]!);
  if ((current?.auditId ?? null) === null) await requestAuditorDraw(anyone, { mandates: birch.mandates });
  ({ audits, current } = await listAudits(chain, { mandates: birch.mandates, limit: 1 }));
  const auditId = current!.auditId!;
  if (audits[0]!.status === "pending") {
    await mineRandomness(app);
    await completeAuditorDraw(anyone, { mandates: birch.mandates, auditId });
  }
  const audit = await readAudit(chain, { mandates: birch.mandates, auditId });
  expect(audit.status).toBe("drawn");
  // Each width is one of the two auditors.
  const auditor = audit.auditors[testInfo.project.name === "1280" ? 0 : 1]!.address;
  const missedEarly = await refusal(
    recordAuditMissed(walletOf(app, chain, auditor), { mandates: birch.mandates, auditId }),
  );

  await installTestWallet(page, auditor);
  await page.goto(`./#/circle/${birch.circle}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(auditor);
  const section = page.getByRole("region", { name: "Pair-link audit", exact: true });
  await section.getByRole("button", { name: "Record as missed" }).click();
  await expect(section.getByRole("alert")).toHaveText(missedEarly);
  expect(await sent(page)).toBe(0);

  const report = `Birch Lane's pair links, audit ${auditId}, as read at ${testInfo.project.name} px.`;
  const uri = `ipfs://birch-lane/audit-${auditId}-${testInfo.project.name}`;
  await section.getByLabel("Report text").fill(report);
  await section.getByLabel("Where the report can be read").fill(uri);
  await section.getByRole("button", { name: "Publish my report" }).click();
  await expect(section.getByRole("status").filter({ hasText: "is published" })).toBeVisible();
  expect(await sent(page)).toBe(1);
  const after = await readAudit(chain, { mandates: birch.mandates, auditId });
  const mine = after.auditors.find((a) => a.address === auditor)!;
  expect(mine.publishedAt).not.toBeNull();
  // The chain's audit at once; the report's hash (the text's, as the CLI hashes it) and URI once the ledger has it.
  const row = section
    .getByTestId("auditors")
    .getByRole("listitem")
    .filter({ hasText: charterHash(report) });
  await expect(row).toContainText(`published their report on ${shown(mine.publishedAt!)}`);
  await expect(row.getByRole("link", { name: uri })).toBeVisible();

  if (after.status === "published") {
    // Both have published (the other width's auditor first): the listening session is recorded, dated now.
    await expect(section.getByTestId("audit-status")).toContainText("held: both auditors published");
    await section.getByRole("button", { name: "Record the listening session" }).click();
    await expect(section.getByRole("status").filter({ hasText: "listening session of audit" })).toBeVisible();
    const held = await readAudit(chain, { mandates: birch.mandates, auditId });
    await expect(section.getByTestId("listening-session")).toContainText(
      `The listening session was held on ${shown(held.session!.heldAt)}`,
    );
    expect(await sent(page)).toBe(2);
  }
  await expectAccessible(page);
  await shoot("circle-audit-steps");
});

test("anyone starts the mentorship inversion when it is due and completes it; the page shows the new pairs", async ({
  page,
  app,
  chain,
}, testInfo: TestInfo) => {
  test.skip(testInfo.project.name !== "1280", "one inversion per period: the desktop width makes Birch Lane's");
  const registry = registryOf(app);
  const birch = await birchLane(app, chain);
  const before = await readMentorship(chain, { circle: birch.circle, registry });
  expect(before.canRequest, "Birch Lane's first inversion is due: the demo runs weeks past its founding").toBe(true);
  const member = birch.members.at(-1)!;
  await installTestWallet(page, member);
  await page.goto(`./#/circle/${birch.circle}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(member);
  const section = page.getByRole("region", { name: "Mentorship", exact: true });
  await expect(section.getByTestId("inversion")).toContainText("No inversion so far.");
  await section.getByRole("button", { name: "Start the inversion" }).click();
  await expect(section.getByRole("status").filter({ hasText: "is started" })).toBeVisible();
  await expect(section.getByTestId("inversion")).toContainText("is started and waits for its randomness");
  await expect(section.getByRole("button", { name: "Start the inversion" })).toHaveCount(0);

  await mineRandomness(app);
  await section.getByRole("button", { name: "Complete it" }).click();
  await expect(section.getByRole("status").filter({ hasText: "is complete" })).toBeVisible();
  const after = await readMentorship(chain, { circle: birch.circle, registry });
  expect(after.number).toBe(before.number + 1n);
  await expect(section.getByTestId("inversion")).toContainText(`Inversion ${after.number} made these pairs`);
  await expect(section.getByTestId("mentorship-pairs").getByRole("listitem")).toHaveCount(after.pairs.length);
  await expect(section.getByTestId("inversion")).toContainText(`the next is due ${shown(after.nextDueAt!)}`);
  expect(await sent(page)).toBe(2);
  await expectAccessible(page);
});
