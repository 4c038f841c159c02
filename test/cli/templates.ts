import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, toBytes, type Address } from "viem";

import { readFoundingTemplate } from "../../client/actions/circle/readFoundingTemplate.js";

import { connection as cliConnection, type Connection } from "../../tasks/cli.js";
import { createCircle } from "../../tasks/circle/create.js";
import { executeProposal } from "../../tasks/circle/execute.js";
import publishTemplateTask, {
  proposeCircleTemplate,
  publishTemplate,
  type PublishTemplateArgs,
} from "../../tasks/circle/publish-template.js";
import { proposeTemplateReport, type ReportTemplateArgs } from "../../tasks/circle/report-template.js";
import templatesTask, {
  describeTemplate,
  template,
  templates,
  type TemplateArgs,
} from "../../tasks/circle/templates.js";
import { voteOnProposal } from "../../tasks/circle/vote.js";
import { CHARTER_HASH, TEST_MANDATE_RULES, TEST_RULES, circleFixtures } from "../fixtures/circles.js";
import { expectRefusals, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { viem, networkHelpers } = net;
const { time } = networkHelpers;
const { deployRegistry } = circleFixtures(net);

const ROOT = keccak256(toBytes("Root"));
const CHILD = keccak256(toBytes("Child"));
const REPORT = `0x${"ab".repeat(32)}` as const;

async function passAndExecute(c: Connection, circle: Address, id: bigint, voters: Address[], registry: Address) {
  await time.increase(TEST_RULES.votingDelay + 1);
  for (const from of voters) {
    await voteOnProposal(c, { circle, proposal: id.toString(), support: "for", from, registry, json: false });
  }
  await time.increase(TEST_RULES.votingPeriod + 1);
  await executeProposal(c, { circle, proposal: id.toString(), registry, json: false });
}

/** Root (by a person) → a circle founded from it through the CLI → Child (by that circle, verified) and Pretender. */
async function world() {
  const { registry: registryContract } = await deployRegistry();
  await (await registryContract.publishTemplate("Root", TEST_RULES, TEST_MANDATE_RULES)).wait();
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const c = cliConnection(publicClient, wallets, await publicClient.getChainId());
  const registry = getAddress(await registryContract.getAddress());
  const founders = wallets.slice(0, 6).map((w) => getAddress(w.account.address));
  const created = await createCircle(c, {
    name: "Alder",
    founders: founders.join(","),
    charterHash: CHARTER_HASH,
    template: "Root",
    from: founders[0],
    registry,
    json: false,
  });
  const circle = created.circle;
  const signer = await net.ethers.getImpersonatedSigner(circle);
  await networkHelpers.setBalance(circle, 10n ** 18n);
  await (await registryContract.connect(signer).publishCircleRulesWithParent(circle, "Child", ROOT)).wait();
  await (await registryContract.publishTemplateWithParent("Pretender", TEST_RULES, TEST_MANDATE_RULES, CHILD)).wait();
  return { c, registry, circle, founders };
}

describe("circle templates, template and report-template (the CLI's template lineage)", function () {
  it("lists templates with their parent, verified or declared, and their adopters", async function () {
    const w = await networkHelpers.loadFixture(world);
    const r = await templates(w.c, { registry: w.registry, json: false });
    expect(r.total).to.equal(3n);
    expect(r.templates.map((t) => [t.name, t.parent, t.parentVerified, t.adopters])).to.deep.equal([
      ["Root", null, false, 1n],
      ["Child", ROOT, true, 0n],
      ["Pretender", CHILD, false, 0n],
    ]);
    const out = await printed(() => templatesTask({ registry: w.registry, json: false }, hreOf(net)));
    expect(out.stdout).to.contain(`"Child" (${CHILD}) by ${w.circle}, from "Root" (verified); 0 adopter(s)`);
    expect(out.stdout).to.contain(`"Pretender"`);
    expect(out.stdout).to.contain(`from "Child" (declared only)`);
    expect(out.stdout).to.contain(`"Root" (${ROOT})`);
  });

  it("proposes a result report by the circle's decision, then shows the template's lineage, adopters and reports", async function () {
    const w = await networkHelpers.loadFixture(world);
    const made = await proposeTemplateReport(w.c, {
      circle: w.circle,
      template: "Root",
      hash: REPORT,
      uri: "ipfs://alder-year-one",
      from: w.founders[1],
      registry: w.registry,
      json: false,
    });
    expect(made.templateId).to.equal(ROOT);
    await passAndExecute(w.c, w.circle, made.proposalId, w.founders.slice(0, 4), w.registry);

    const root = await template(w.c, { id: "Root", registry: w.registry, json: false });
    expect([root.children, root.adopters, root.reports]).to.deep.equal([1n, 1n, 1n]);
    expect(root.adopterList).to.deep.equal([{ circle: w.circle, name: "Alder" }]);
    expect(root.reportList.map((x) => [x.circle, x.reportHash, x.uri])).to.deep.equal([
      [w.circle, REPORT, "ipfs://alder-year-one"],
    ]);
    expect(root.childList.map((x) => x.name)).to.deep.equal(["Child"]);

    const pretender = await template(w.c, { id: "Pretender", registry: w.registry, json: false });
    expect(pretender.ancestors).to.deep.equal([
      { templateId: CHILD, name: "Child", verified: false },
      { templateId: ROOT, name: "Root", verified: true },
    ]);
    const text = describeTemplate(pretender);
    expect(text).to.contain(`lineage: "Pretender" <- (declared) "Child" <- "Root"`);
    expect(describeTemplate(root)).to.contain(`${w.circle} on `);
    expect(describeTemplate(root)).to.contain("ipfs://alder-year-one");

    // A second report, and a report to a template the circle was not founded from, are refused before proposing.
    await expectRefusals(
      (args: ReportTemplateArgs) => proposeTemplateReport(w.c, args),
      [
        [
          { circle: w.circle, template: "Root", hash: REPORT, from: w.founders[1], registry: w.registry, json: false },
          new RegExp(`${w.circle} has already reported back to template ${ROOT}`),
        ],
        [
          { circle: w.circle, template: "Child", hash: REPORT, from: w.founders[1], registry: w.registry, json: false },
          new RegExp(`${w.circle} was not founded from template ${CHILD}`),
        ],
        [
          { circle: w.circle, template: "Root", hash: "0x12", from: w.founders[1], registry: w.registry, json: false },
          /--hash "0x12" is not the report's content hash/,
        ],
      ],
    );
  });

  it("publishes a rule set with a declared parent, and proposes a circle's own rules with a verified one", async function () {
    const w = await networkHelpers.loadFixture(world);
    const fork = await publishTemplate(w.c, {
      name: "Fork",
      parent: "Root",
      votingPeriod: "3d",
      from: w.founders[5],
      registry: w.registry,
      json: false,
    });
    expect([fork.parentId, fork.parentVerified, fork.publisher]).to.deep.equal([ROOT, false, w.founders[5]]);
    expect(fork.rules.votingPeriod).to.equal(3 * 86_400);

    const out = await printed(() =>
      publishTemplateTask({ name: "Plain", from: w.founders[5], registry: w.registry, json: false }, hreOf(net)),
    );
    expect(out.stdout).to.contain(`published the template "Plain" (${keccak256(toBytes("Plain"))}), with no parent.`);
    expect(out.stdout).to.contain(`npx hardhat circle create --template "Plain"`);

    // Alder was founded from Root: its own publication, by decision, names Root as a verified parent.
    const made = await proposeCircleTemplate(w.c, {
      circle: w.circle,
      name: "Alder, year two",
      parent: "Root",
      from: w.founders[2],
      registry: w.registry,
      json: false,
    });
    expect([made.parentId, made.parentVerified]).to.deep.equal([ROOT, true]);
    await passAndExecute(w.c, w.circle, made.proposalId, w.founders.slice(0, 4), w.registry);
    const yearTwo = await template(w.c, { id: "Alder, year two", registry: w.registry, json: false });
    expect([yearTwo.parent, yearTwo.parentVerified, yearTwo.publisher]).to.deep.equal([ROOT, true, w.circle]);
    const root = await template(w.c, { id: "Root", registry: w.registry, json: false });
    expect(root.childList.map((x) => [x.name, x.parentVerified])).to.have.deep.members([
      ["Child", true],
      ["Fork", false],
      ["Alder, year two", true],
    ]);

    await expectRefusals(
      (args: PublishTemplateArgs) => (args.circle ? proposeCircleTemplate(w.c, args) : publishTemplate(w.c, args)),
      [
        [{ name: "Root", registry: w.registry, json: false }, new RegExp(`A template with that name \\(${ROOT}\\)`)],
        [
          { name: "Orphan", parent: "Nowhere", registry: w.registry, json: false },
          new RegExp(`No template ${keccak256(toBytes("Nowhere"))}`),
        ],
        [{ registry: w.registry, json: false }, /--name/],
        [
          { circle: w.circle, name: "Alder again", votingPeriod: "2d", registry: w.registry, json: false },
          /--circle publishes the rules the circle lives by; drop --voting-period/,
        ],
        [
          { circle: w.circle, name: "Child", from: w.founders[2], registry: w.registry, json: false },
          new RegExp(`A template with that name \\(${CHILD}\\)`),
        ],
      ],
    );
  });

  it("reads the template a circle was founded from, with its lineage (the app's circle page); refuses a non-circle", async function () {
    const w = await networkHelpers.loadFixture(world);
    const read = await readFoundingTemplate(w.c.publicClient, { circle: w.circle, registry: w.registry });
    expect(read.templateId).to.equal(ROOT);
    expect([
      read.template?.name,
      read.template?.parent,
      read.template?.adopters,
      read.template?.children,
    ]).to.deep.equal(["Root", null, 1n, 1n]);
    let refused: unknown;
    await readFoundingTemplate(w.c.publicClient, { circle: w.founders[0]!, registry: w.registry }).catch(
      (error: unknown) => (refused = error),
    );
    expect(String(refused)).to.contain(`${w.founders[0]} is not a circle or council`);
  });

  it("refuses an unknown template and a missing id with a sentence", async function () {
    const w = await networkHelpers.loadFixture(world);
    await expectRefusals(
      (args: TemplateArgs) => template(w.c, args),
      [
        [{ id: "Nope", registry: w.registry, json: false }, `No template ${keccak256(toBytes("Nope"))} is published.`],
        [{ registry: w.registry, json: false }, /--id is required/],
      ],
    );
  });
});
