/**
 * The read pages (issue 15) render the demo story's facts, each counted against the client's actions run here in
 * Node: a council's seats (readSeats), a currency's balances, reciprocity graph and payments (readReciprocityGraph,
 * listLedgerPayments), a person's income and the trust around them (readIncomeAccount, readTrustGraphAround), the
 * scorecard's charts and alerts (readScorecard), and the Circle page's temperature chart and mandate time line.
 * Graphs report what Cytoscape drew (data-nodes, data-edges on the container); charts are counted by Recharts'
 * SVG classes. Each page passes an axe scan and leaves its screenshot at both widths.
 */
import type { Locator } from "@playwright/test";
import type { Address } from "viem";

import { temperatureByPeriod } from "../../client/actions/circle/readCircleRituals.js";
import { listCircles } from "../../client/actions/circle/listCircles.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { readSeats } from "../../client/actions/council/readSeats.js";
import { readIncomeAccount } from "../../client/actions/income/readIncomeAccount.js";
import { listLedgerPayments } from "../../client/actions/ledger/listLedgerPayments.js";
import { listTemperatureReadings } from "../../client/actions/ledger/listTemperatureReadings.js";
import { readMandateHistory } from "../../client/actions/ledger/readMandateHistory.js";
import { readReciprocityGraph } from "../../client/actions/ledger/readReciprocityGraph.js";
import { readScorecard } from "../../client/actions/ledger/readScorecard.js";
import { readTrustGraphAround } from "../../client/actions/ledger/readTrustGraphAround.js";
import { formatAmount, INCOME_UNITS } from "../../client/units.js";
import { expect, expectAccessible, test } from "./fixtures.js";

/** Waits until a Cytoscape container has drawn, and returns its counts. */
async function drawn(graph: Locator) {
  await expect(graph).toHaveAttribute("data-nodes", /\d+/);
  const [nodes, edges, marked] = await Promise.all(
    ["data-nodes", "data-edges", "data-marked"].map(async (a) => Number(await graph.getAttribute(a))),
  );
  return { nodes, edges, marked };
}

test("a Council page shows its seats and proposals, linked from the Circles page", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const registry = app.config.deployments![String(app.config.chainId)]!.registry! as Address;
  const { circles } = await listCircles(chain, { registry });
  const council = circles.find((c) => c.council)!;
  const seats = await readSeats(chain, { council: council.address, registry });
  expect(seats.seats.length).toBeGreaterThan(0);
  await page.goto("./");
  await page.getByRole("link", { name: council.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: seats.name })).toBeVisible();
  const rows = page.getByTestId("seats").locator("tbody tr");
  await expect(rows).toHaveCount(seats.seats.length);
  for (const [i, seat] of seats.seats.entries()) {
    const row = rows.nth(i);
    await expect(row.getByRole("link", { name: seat.name, exact: true })).toBeVisible();
    await expect(row).toContainText(seat.delegate ?? "vacant");
    await expect(row.getByRole("cell").nth(1)).toHaveText(seat.counts ? "yes" : "no");
  }
  // The demo's council decided twice (seat Birch Lane, the rain-barrel rota).
  await expect(page.getByRole("region", { name: "Proposals" })).toContainText("Share the rain-barrel rota");
  await expectAccessible(page);
  await shoot("council");
});

test("a currency page shows balances, the reciprocity graph and the payments with memos", async ({
  page,
  app,
  shoot,
}) => {
  const ledger = { url: app.config.ledgerUrl };
  const graph = await readReciprocityGraph(ledger, { circle: app.circle });
  const { payments } = await listLedgerPayments(ledger, { circle: app.circle });
  expect(graph.currency).not.toBeNull();
  await page.goto(`./#/circle/${app.circle}`);
  await page.getByRole("link", { name: "Currency and reciprocity" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `${graph.currency!.name} (${graph.currency!.symbol})` }),
  ).toBeVisible();

  const balances = page.getByTestId("balances").locator("tbody tr");
  await expect(balances).toHaveCount(graph.nodes.length);
  for (const [i, n] of graph.nodes.entries()) await expect(balances.nth(i)).toContainText(n.formattedBalance);

  const oneSided = graph.edges.filter((e) => e.oneSided).length;
  expect(oneSided).toBeGreaterThan(0); // Ana → Fay, Fay → Gus, Cai → Ana: no one paid back
  expect(await drawn(page.getByTestId("reciprocity-graph"))).toEqual({
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    marked: oneSided,
  });
  const edges = page.getByTestId("reciprocity-edges").locator("tbody tr");
  await expect(edges).toHaveCount(graph.edges.length);
  await expect(edges.filter({ hasText: "one-sided" })).toHaveCount(oneSided);
  await expect(page.getByRole("region", { name: "Reciprocity" })).toContainText(
    `${graph.pairs} pair(s) of members paid each other; ${graph.oneSidedPairs} one-sided`,
  );

  await expect(page.getByTestId("payments").locator("> li")).toHaveCount(payments.length);
  await expect(page.getByTestId("payments")).toContainText("fixed the tap");
  await expectAccessible(page);
  await shoot("currency");
});

test("a person's page shows their income and the trust around them, one and two steps out", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const ledger = { url: app.config.ledgerUrl };
  const hub = app.config.deployments![String(app.config.chainId)]!.incomeHub! as Address;
  const { members } = await readCircle(chain, { circle: app.circle });
  const person = members[0]!; // Ana: she trusts Hal, Gus trusts her
  const income = await readIncomeAccount(chain, { hub, account: person });
  const [near, far] = await Promise.all([1, 2].map((depth) => readTrustGraphAround(ledger, { person, depth, hub })));
  expect(near!.edges.length).toBeGreaterThan(0);

  await page.goto(`./#/circle/${app.circle}`);
  // Found by where it leads: the link reads the person's name where one is set (money.spec.ts names Ana).
  const link = page.getByRole("region", { name: "Members" }).locator(`a[href="#/person/${person}"]`);
  const label = (await link.textContent())!;
  expect(label === person || label.endsWith(`(${person.slice(0, 6)}…${person.slice(-4)})`)).toBe(true);
  await link.click();
  // The heading names the person as the link did; a name money.spec.ts sets meanwhile may appear, never vanish.
  const heading = page.getByRole("heading", { level: 1 });
  if (label === person) {
    await expect(heading).toHaveText(new RegExp(`^(${person}|.+ \\(${person.slice(0, 6)}…${person.slice(-4)}\\))$`));
  } else {
    await expect(heading).toHaveText(label);
  }
  await expect(page.getByTestId("income")).toContainText(income.registered);
  // The balance decays by the second (demurrage): its whole tokens are what the page and the chain agree on.
  await expect(page.getByTestId("income")).toContainText(formatAmount(income.balance, INCOME_UNITS).split(".")[0]!);

  const graph = page.getByTestId("trust-graph");
  const bound = page.getByTestId("trust-bound");
  for (const [depth, g] of [
    [1, near!],
    [2, far!],
  ] as const) {
    await page.getByRole("radio", { name: depth === 1 ? /^1 step/ : `${depth} steps` }).check();
    await expect(bound).toContainText(`${depth} step(s) out, at most ${g.maxNodes} accounts: ${g.nodes.length}`);
    await expect(graph).toHaveAttribute("data-edges", String(g.edges.length));
    expect(await drawn(graph)).toMatchObject({ nodes: g.nodes.length, edges: g.edges.length });
    await expect(page.getByTestId("trust-edges").locator("tbody tr")).toHaveCount(g.edges.length);
  }
  await expectAccessible(page);
  await shoot("person");
});

test("a scorecard page charts every period against its thresholds and lists the alerts", async ({
  page,
  app,
  shoot,
}) => {
  const ledger = { url: app.config.ledgerUrl };
  const scorecard = await readScorecard(ledger, { circle: app.circle });
  await page.goto(`./#/circle/${app.circle}`);
  await page.getByRole("link", { name: "Sovereignty scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${scorecard.name}: sovereignty scorecard` })).toBeVisible();
  const measures = {
    "chart-mandate": (p: (typeof scorecard.periods)[number]) => p.rotation.topHolder?.shareBps ?? null,
    "chart-participation": (p: (typeof scorecard.periods)[number]) => p.voice.participationBps,
    "chart-heard": (p: (typeof scorecard.periods)[number]) => p.voice.heardAverageCenti,
    "chart-one-sided": (p: (typeof scorecard.periods)[number]) => p.reciprocity.oneSidedPairShareBps,
  };
  for (const [id, measure] of Object.entries(measures)) {
    const chart = page.getByTestId(id);
    const measured = scorecard.periods.filter((p) => measure(p) !== null).length;
    await expect(chart.locator("[data-points]")).toHaveAttribute("data-points", String(scorecard.periods.length));
    // Recharts draws a dot per measured period (only the measure's line has dots), and the threshold as a line.
    await expect(chart.locator("circle.recharts-line-dot")).toHaveCount(measured);
    await expect(chart.locator(".recharts-line.threshold path.recharts-line-curve")).toHaveCount(1);
    await expect(chart.locator("tbody tr")).toHaveCount(scorecard.periods.length);
  }
  const alerts = page.getByTestId("alerts").locator("> li");
  await expect(alerts).toHaveCount(scorecard.alerts.length);
  for (const a of scorecard.alerts) await expect(page.getByTestId("alerts")).toContainText(a.reason);
  await expect(page.getByTestId("threshold-source")).toContainText(
    scorecard.periods.at(-1)!.thresholdSource === "circle" ? "the circle's own" : "the defaults",
  );
  await expectAccessible(page);
  await shoot("scorecard");
});

test("a Circle page charts its temperature and draws its mandates on a time line, and lists its council seats", async ({
  page,
  app,
}) => {
  const ledger = { url: app.config.ledgerUrl };
  const [{ readings }, history] = await Promise.all([
    listTemperatureReadings(ledger, { circle: app.circle }),
    readMandateHistory(ledger, { circle: app.circle }),
  ]);
  const periods = temperatureByPeriod(readings);
  await page.goto(`./#/circle/${app.circle}`);
  const chart = page.getByTestId("chart-temperature");
  await expect(chart.locator("[data-points]")).toHaveAttribute("data-points", String(periods.length));
  await expect(chart.locator("circle.recharts-line-dot")).toHaveCount(periods.length);
  const timeline = page.getByTestId("mandate-chart");
  await expect(timeline.locator("rect.tenure")).toHaveCount(history.mandates.length);
  await expect(timeline.locator("rect.tenure.status-recalled")).toHaveCount(
    history.mandates.filter((m) => m.status === "recalled").length,
  );
  await expect(timeline.locator("line.hand-off")).toHaveCount(
    history.roles.reduce((n, r) => n + r.tenures.length - 1, 0),
  );
  await expect(page.getByRole("region", { name: "Seats in councils" }).getByRole("link")).toHaveCount(1);
});
