// Gas of the rituals that spread and rotate: templates with their lineage and result reports, a pair-link audit and a
// mentorship inversion. Used by scripts/bench/index.ts; every row is measured in the bench's own run, on a circle of
// seven founded here from a published template, so that its report is an adopter's.
import type { ContractTransactionResponse, Signer } from "ethers";

import { gasOf, type OperationRow } from "./gas.js";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import { withConsents } from "../founding.js";
import type { CircleRules, MandateRules } from "../../client/rules.js";
import type { CircleRegistry } from "../../typechain-types/index.js";

/** One row of the bench's operations table. */
export type RitualRow = OperationRow;

/** The name a template is published under, as long as a person would give (the gas grows with it). */
const TEMPLATE_NAME = "Neighbourhood garden, weekly decisions";

/**
 * Measures publishing a template (without and with a named parent), founding a circle of seven from it next to the
 * same founding without a template, publishing an adopter's rules with a verified parent, an adopter's result report
 * (the execution of its decision), the adopter's pair-link audit (draw, completion, both reports, the listening
 * session) and its first mentorship inversion (request and completion).
 */
export async function benchRituals(
  ethers: HardhatEthers,
  networkHelpers: NetworkHelpers,
  registry: CircleRegistry,
  rules: CircleRules,
  mandateRules: MandateRules,
): Promise<{ rows: RitualRow[] }> {
  const { time } = networkHelpers;
  const signers = await ethers.getSigners();
  const founders = signers.slice(0, 7);
  const publisher = signers[8]!;
  const rows: RitualRow[] = [];
  const asPublisher = registry.connect(publisher);

  const idOf = async (tx: Promise<ContractTransactionResponse>) => {
    const receipt = await (await tx).wait();
    const log = receipt!.logs.map((l) => registry.interface.parseLog(l)).find((l) => l?.name === "TemplatePublished");
    return { id: log!.args.templateId as string, gas: receipt!.gasUsed };
  };

  const root = await idOf(asPublisher.publishTemplate(TEMPLATE_NAME, rules, mandateRules));
  rows.push({
    operation: "templates: publish a rule set",
    circle: root.gas,
    note: `a ${TEMPLATE_NAME.length}-byte name, the circle and mandate rules: new storage`,
  });
  const child = await idOf(
    asPublisher.publishTemplateWithParent(`${TEMPLATE_NAME} (fork)`, rules, mandateRules, root.id),
  );
  rows.push({
    operation: "templates: publish with a declared parent",
    circle: child.gas,
    note: "the parent recorded and the parent's child list grown; the publisher is not a circle of it",
  });

  const found = async (templateId: string | undefined, name: string) => {
    const founding = await withConsents(
      registry,
      { name, founders: founders.map((f) => f.address), charterHash: ethers.id(name), charterURI: `ipfs://${name}` },
      rules,
      mandateRules,
      founders[0]!.address,
      (founder) => founders.find((f) => f.address === founder) as unknown as Signer,
    );
    const gas = await gasOf(
      templateId === undefined
        ? registry.connect(founders[0]!).createCircle(founding, rules, mandateRules)
        : registry.connect(founders[0]!).createCircleFromTemplate(founding, templateId),
    );
    const [address] = await registry.circles((await registry.circleCount()) - 1n, 1);
    return { gas, circle: await ethers.getContractAt("Circle", address!) };
  };
  const plain = await found(undefined, "Rituals bench, no template");
  const adopter = await found(root.id, "Rituals bench, from a template");
  rows.push({
    operation: "templates: found a circle of 7 from a template",
    circle: adopter.gas,
    reference: plain.gas,
    note: "reference: the same founding with the rules given (createCircle); the template's rules read, the adopter counted",
  });

  const verified = await idOf(
    asPublisher.publishCircleRulesWithParent(await adopter.circle.getAddress(), `${TEMPLATE_NAME} (lived)`, root.id),
  );
  rows.push({
    operation: "templates: publish an adopter's rules with a verified parent",
    circle: verified.gas,
    note: "the circle's rules read from it; verified because it was founded from the parent",
  });

  // The adopter reports back by its own decision: propose, four of seven vote, execute (the execution measured).
  const report = registry.interface.encodeFunctionData("reportTemplateResult", [
    root.id,
    ethers.id("what we learnt"),
    "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
  ]);
  const targets = [await registry.getAddress()];
  const description = "Report what the template gave us";
  const circle = adopter.circle;
  await (await circle.connect(founders[0]!).propose(targets, [0n], [report], description)).wait();
  const id = await circle.hashProposal(targets, [0n], [report], ethers.id(description));
  await time.increase(rules.votingDelay + 1);
  for (const voter of founders.slice(0, 4)) await (await circle.connect(voter).castVote(id, 1)).wait();
  await time.increaseTo((await circle.proposalDeadline(id)) + 1n);
  rows.push({
    operation: "templates: execute an adopter's result report",
    circle: await gasOf(circle.execute(targets, [0n], [report], ethers.id(description))),
    note: "the execution of the circle's decision: a 66-byte URI and a hash stored on the template's reports",
  });

  // A pair-link audit of the adopter (seven members, no live mandate): drawn by lot, published by both auditors,
  // its listening session recorded by one of them.
  const mandatesAddress = await circle.mandates();
  const mandates = await ethers.getContractAt("Mandates", mandatesAddress);
  const audits = await ethers.getContractAt("IMandateAudits", mandatesAddress);
  const randomness = await ethers.getContractAt("MockRandomness", await mandates.randomnessSource());
  const requested = await (await audits.connect(signers[9]!).requestAuditorDraw()).wait();
  const drawLog = requested!.logs.map((l) => mandates.interface.parseLog(l)).find((l) => l?.name === "DrawRequested")!;
  const pool = [...(drawLog.args.pool as string[])];
  rows.push({
    operation: `audits: request the auditors' draw (pool of ${pool.length})`,
    circle: requested!.gasUsed,
    note: "anyone, once per audit period: the pool frozen (two roles' eligibility per member), a ticket, the audit's record",
  });
  const drawId = drawLog.args.drawId as bigint;
  await (await randomness.setValue((await mandates.draw(drawId)).ticket, 7n)).wait();
  rows.push({
    operation: `audits: complete the auditors' draw (pool of ${pool.length})`,
    circle: await gasOf(mandates.connect(signers[9]!).completeDraw(drawId, pool, "0x")),
    note: "two auditors picked from the sorted pool, each granted a powerless mandate until the period ends",
  });
  const auditId = await audits.auditCount();
  const [first, second] = (await audits.audit(auditId)).auditors;
  const signerOf = (account: string) => founders.find((f) => f.address === account)!;
  const reportUri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
  rows.push({
    operation: "audits: publish a report (the first auditor)",
    circle: await gasOf(audits.connect(signerOf(first!)).publishAudit(auditId, ethers.id("first"), reportUri)),
    note: "a hash and a 66-byte URI in the event, the auditor's mandate completed",
  });
  rows.push({
    operation: "audits: publish a report (the second: the audit is published)",
    circle: await gasOf(audits.connect(signerOf(second!)).publishAudit(auditId, ethers.id("second"), reportUri)),
    note: "the same, and the audit's status",
  });
  await time.increase(86_400);
  const { timestamp } = (await ethers.provider.getBlock("latest"))!;
  rows.push({
    operation: "audits: record the listening session",
    circle: await gasOf(audits.connect(signerOf(first!)).recordListeningSession(auditId, timestamp)),
    note: "by an auditor (or the circle, by decision), once the audit is published",
  });

  // A mentorship inversion, once due (a year after the founding by default): requested, then completed by lot.
  const rituals = await ethers.getContractAt("CircleRituals", await circle.rituals());
  await time.increaseTo((await rituals.inversion()).dueAt);
  const inversionRequest = await (await rituals.connect(signers[9]!).requestInversion()).wait();
  rows.push({
    operation: "mentorship: request an inversion",
    circle: inversionRequest!.gasUsed,
    note: "anyone, once due: a randomness ticket and the inversion's record",
  });
  await (await randomness.setValue((await rituals.inversion()).ticket, 11n)).wait();
  rows.push({
    operation: `mentorship: complete an inversion (${founders.length} members)`,
    circle: await gasOf(rituals.connect(signers[9]!).completeInversion("0x")),
    note: "the members ordered by admission time (founders' ties by lot), three pairs stored, the median unpaired",
  });
  return { rows };
}
