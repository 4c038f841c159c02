/**
 * The rituals' data (issue 17) for members who only open a web page: the pair-link map of Elm Street Garden (the
 * agreement matrix, who proposes, pays and holds a role after whom, each member's strongest links) and the lineage of
 * its rules (the demo founds it from the "Affinity circle" template), each checked against the chain through the
 * client's actions; and a member proposing the circle's result report to its template, refused in the CLI's sentence
 * since the demo's circle has reported back already (a circle reports once), and so is an empty report.
 */
import type { Address, Hex } from "viem";

import { listCircles } from "../../client/actions/circle/listCircles.js";
import { prepareReportTemplateResult } from "../../client/actions/circle/prepareReportTemplateResult.js";
import { readFoundingTemplate } from "../../client/actions/circle/readFoundingTemplate.js";
import { readPairLinks } from "../../client/actions/circle/readPairLinks.js";
import { charterHash } from "../../client/charter.js";
import { errorSentence } from "../../client/errors.js";
import { formatBps } from "../../client/scorecard.js";
import type { AppTestSetup } from "./global-setup.js";
import { expect, expectAccessible, installTestWallet, sent, test } from "./fixtures.js";

const addresses = (app: AppTestSetup) => {
  const deployed = app.config.deployments![String(app.config.chainId)]!;
  return { registry: deployed.registry as Address, creditFactory: deployed.creditFactory as Address };
};

test("the pair-link map shows who votes alike, proposes, pays and holds a role after whom, as the chain has it", async ({
  page,
  app,
  chain,
  shoot,
}) => {
  const { registry, creditFactory } = addresses(app);
  await page.goto(`./#/circle/${app.circle}`);
  await page.getByRole("link", { name: "Who works with whom" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /who works with whom/ })).toBeVisible();
  await expect(page.getByTestId("pair-links-purpose")).toContainText("pair-link audit");
  await expect(page.getByTestId("pair-links-purpose")).toContainText("public record on the chain");
  await expect(page.getByTestId("pair-links-window")).toBeVisible();
  const links = await readPairLinks(chain, { circle: app.circle, registry, creditFactory });

  // The matrix: a row and a column header for each member (and former member who voted), the closest pair's cell.
  const voted = new Set(links.agreement.flatMap((l) => [l.a, l.b]));
  const people = links.accounts.filter((a) => a.status === "member" || (a.status === "former" && voted.has(a.account)));
  const matrix = page.getByRole("table", { name: /Agreement matrix/ });
  await expect(matrix.getByRole("columnheader")).toHaveCount(people.length);
  await expect(matrix.getByRole("rowheader")).toHaveCount(people.length);
  const [closest] = links.agreement;
  expect(closest, "the demo's members voted on the same proposals").toBeDefined();
  await expect(matrix).toContainText(`${closest!.agreed} of ${closest!.shared} proposals`);
  await expect(matrix).toContainText(formatBps(closest!.rateBps));
  await expect(page.getByRole("region", { name: "Agreement", exact: true }).getByRole("listitem")).toHaveCount(
    links.agreement.length,
  );

  // The lists, each as long as the client's, strongest first.
  const proposes = page.getByRole("region", { name: "Proposes for" });
  if (links.proposesFor.length) {
    const [first] = links.proposesFor;
    await expect(proposes.getByRole("listitem")).toHaveCount(links.proposesFor.length);
    await expect(proposes.getByRole("listitem").first()).toContainText(
      `${first!.mandates} mandate(s), ${first!.admissions} admission(s)`,
    );
  } else await expect(proposes).toContainText("No decision named a member.");
  const pays = page.getByRole("region", { name: "Pays", exact: true });
  if (links.pays.length) {
    await expect(pays.getByRole("listitem")).toHaveCount(links.pays.length);
    await expect(pays.getByRole("listitem").first()).toContainText(
      `${links.pays[0]!.formatted} in ${links.pays[0]!.payments} payment(s)`,
    );
  } else await expect(pays).toContainText(links.currency ? "No payments yet." : "has no currency");
  const holds = page.getByRole("region", { name: "Holds after" });
  if (links.holdsAfter.length) {
    await expect(holds.getByRole("listitem")).toHaveCount(links.holdsAfter.length);
    await expect(holds.getByRole("listitem").first()).toContainText(`${links.holdsAfter[0]!.count} time(s)`);
  } else await expect(holds).toContainText("No role passed from one holder to another.");
  await expect(page.getByTestId("strongest").getByRole("listitem")).toHaveCount(links.summary.length);
  await expect(page.getByTestId("strongest")).toContainText(`voted on ${links.summary[0]!.votes} proposal(s)`);
  await expectAccessible(page);
  await shoot("pair-links");
});

test("the circle page shows the lineage of its rules: the template, its parent, adopters and reports", async ({
  page,
  app,
  chain,
}) => {
  const { registry } = addresses(app);
  const { template } = await readFoundingTemplate(chain, { circle: app.circle, registry });
  expect(template, "the demo founds Elm Street Garden from a template").not.toBeNull();
  await page.goto(`./#/circle/${app.circle}`);
  const lineage = page.getByRole("region", { name: "Lineage", exact: true });
  await expect(lineage.getByTestId("founding-template")).toContainText(
    `Founded from the template “${template!.name}” (${template!.templateId})`,
  );
  await expect(lineage.getByTestId("template-parent")).toContainText(
    template!.parent === null ? "names no parent" : template!.parentVerified ? "verified" : "declared only",
  );
  await expect(lineage.getByTestId("template-counts")).toContainText(
    `${template!.adopters} circle(s) founded from it · ${template!.children} template(s) name it as parent · ${template!.reports} result report(s)`,
  );
  if (template!.reports === 0n) await expect(lineage).toContainText("has reported back yet");
  else
    await expect(lineage.getByTestId("template-reports").getByRole("listitem")).toHaveCount(Number(template!.reports));
  await expectAccessible(page);

  // A circle founded with rules of its own says so.
  const { circles } = await listCircles(chain, { registry });
  for (const c of circles.filter((c) => !c.council)) {
    if ((await readFoundingTemplate(chain, { circle: c.address, registry })).template !== null) continue;
    await page.goto(`./#/circle/${c.address}`);
    await expect(page.getByRole("region", { name: "Lineage", exact: true })).toContainText(
      "from no published template",
    );
    break;
  }
});

test("once the circle has reported back, a member's proposal of another report shows the CLI's sentence, and nothing is sent", async ({
  page,
  app,
  chain,
}, testInfo) => {
  const { registry } = addresses(app);
  const { proposer } = app.governance;
  const { template } = await readFoundingTemplate(chain, { circle: app.circle, registry });
  // The demo story has Elm Street Garden report back to its template by decision; a circle reports once.
  expect(template!.reports, "the demo reports back to the template").toBeGreaterThan(0n);
  const uri = `ipfs://elm/report-year-two-${testInfo.project.name}`;
  const report = "A second year of the garden by the Affinity rules.";
  /** What the client refuses (the registry would), in the CLI's sentence. */
  const refused = (reportHash: Hex) =>
    prepareReportTemplateResult(chain, {
      circle: app.circle,
      registry,
      templateId: template!.templateId,
      reportHash,
      uri,
    }).then(
      () => {
        throw new Error("the report was not refused");
      },
      (error: unknown) => errorSentence(error),
    );
  await installTestWallet(page, proposer);
  await page.goto(`./#/circle/${app.circle}`);
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expect(page.getByLabel("Wallet")).toContainText(proposer);
  const lineage = page.getByRole("region", { name: "Lineage", exact: true });
  await expect(lineage.getByTestId("reported")).toContainText("This circle has reported back already");
  await lineage.getByLabel("Report text").fill(report);
  await lineage.getByLabel(/Where the report can be read/).fill(uri);
  const description = lineage.getByLabel("What the members vote on");
  await expect(description).toHaveValue(`Report our result to the template “${template!.name}” (${uri})`);
  await lineage.getByRole("button", { name: "Put our report to a vote" }).click();
  await expect(lineage.getByRole("alert")).toHaveText(await refused(charterHash(report)));
  await expect(lineage.getByRole("alert")).toContainText("reports once");

  // An empty content hash is refused the same way.
  const zero = `0x${"0".repeat(64)}` as const;
  await lineage.getByLabel("Or the report's content hash").fill(zero);
  await lineage.getByRole("button", { name: "Put our report to a vote" }).click();
  await expect(lineage.getByRole("alert")).toHaveText(await refused(zero));
  expect(await sent(page)).toBe(0);
  await expectAccessible(page);
});
