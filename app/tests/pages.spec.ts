/**
 * The pages render the demo story's facts, each checked against the chain through the client's actions; each page
 * passes an axe scan (no serious or critical violation) and leaves its screenshot in docs/screenshots/ (the
 * Proposal page's with a vote cast, in vote.spec.ts).
 */
import type { Address } from "viem";

import { listCircles } from "../../client/actions/circle/listCircles.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { listProposals } from "../../client/actions/proposal/listProposals.js";
import { readTally } from "../../client/actions/proposal/readTally.js";
import { readProfiles } from "../../client/actions/profile/readProfiles.js";
import { displayName } from "../../client/names.js";
import { describeMandateRules, describeRules, mandateRulesFromChain, rulesFromChain } from "../../client/rules.js";
import { isoTime } from "../../client/time.js";
import { expect, expectAccessible, test } from "./fixtures.js";

/** A time as the pages write it (see the Time component). */
const shown = (seconds: bigint) => isoTime(seconds).replace("T", " ").replace("Z", " UTC");

test("the Circles page lists every circle and council with its size", async ({ page, app, chain, shoot }) => {
  const registry = app.config.deployments![String(app.config.chainId)]!.registry! as `0x${string}`;
  const { circles, total } = await listCircles(chain, { registry });
  expect(circles.length).toBeGreaterThanOrEqual(3);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Circles and councils" })).toBeVisible();
  await expect(page.getByText(`${total} in the registry`)).toBeVisible();
  for (const c of circles) {
    const section = page.getByRole("region", { name: c.council ? "Councils" : "Circles" });
    const item = section.getByRole("listitem").filter({ has: page.getByRole("link", { name: c.name, exact: true }) });
    await expect(item).toContainText(`${c.memberCount} ${c.council ? "member circles" : "members"}`);
    await expect(item).toContainText(c.address);
  }
  await expectAccessible(page);
  await shoot("circles");
});

test("a Circle page shows its members, charter, rules, proposals, mandates, temperature and resets", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const circle = await readCircle(chain, { circle: app.circle });
  const proposals = await listProposals(chain, { circle: app.circle });
  await page.goto("./");
  await page.getByRole("link", { name: circle.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: circle.name })).toBeVisible();

  // Each member by name and short address where they set a name (money.spec.ts names Ana), else by address.
  const { profiles } = app.config.deployments![String(app.config.chainId)]!;
  const book = await readProfiles(chain, { profiles: profiles as Address, accounts: [...circle.members] });
  const members = page.getByRole("region", { name: "Members" });
  for (const m of circle.members) await expect(members).toContainText(displayName(m, book));
  await expect(page.getByRole("region", { name: "Charter" })).toContainText(
    `${circle.charterLapsed ? "lapsed on" : "in force until"} ${shown(circle.charter.expiresAt)}`,
  );
  const rules = page.getByRole("region", { name: "Rules" });
  await expect(rules).toContainText(describeRules(rulesFromChain(circle.rules)));
  await expect(rules).toContainText(describeMandateRules(mandateRulesFromChain(circle.mandateRules)));
  const listed = page.getByRole("region", { name: "Proposals" });
  for (const p of proposals) {
    await expect(listed.getByRole("link", { name: p.description, exact: true })).toBeVisible();
  }
  // The demo's mandates on the timeline: the treasurer recalled, the compost steward drawn by lot.
  const mandates = page.getByRole("region", { name: "Mandates" });
  await expect(mandates.getByRole("heading", { level: 3, name: "treasurer" })).toBeVisible();
  await expect(mandates).toContainText("recalled");
  await expect(mandates).toContainText("drawn by lot");
  await expect(page.getByRole("region", { name: "Temperature over time" }).getByRole("table")).toBeVisible();
  await expect(page.getByRole("region", { name: "Reset round" })).toContainText(
    `${circle.resetEpoch} hard reset(s) so far`,
  );
  await expectAccessible(page);
  await shoot("circle");
});

test("a Proposal page shows its state and tally from the chain", async ({ page, app, chain }) => {
  const { stateName, tally } = await readTally(chain, { circle: app.circle, proposalId: BigInt(app.proposalId) });
  await page.goto(`./#/circle/${app.circle}/proposal/${app.proposalId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Buy a second wheelbarrow for the compost" })).toBeVisible();
  await expect(page.getByTestId("tally")).toContainText(
    `${stateName}: for ${tally.for}, against ${tally.against}, abstain ${tally.abstain}`,
  );
  await expect(page.getByRole("button", { name: "Connect Test Wallet" })).toHaveCount(0); // no wallet installed here
  await expectAccessible(page);
  // Its screenshot is taken in vote.spec.ts, with a wallet connected and the votes cast.
});
