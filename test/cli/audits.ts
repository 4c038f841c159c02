// The pair-link audit verbs: circle audit, audit-draw, audit-publish, audit-missed and listening-session.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, type Address } from "viem";

import { connection } from "../../tasks/cli.js";
import auditTask from "../../tasks/circle/audit.js";
import {
  auditDraw,
  auditMissed,
  auditPublish,
  listeningSession,
  parseDate,
  showAudits,
  type AuditPublishArgs,
} from "../../tasks/circle/audits.js";
import { TEST_MANDATE_RULES, circleFixtures } from "../fixtures/circles.js";
import { expectRefusals, failure, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { viem, networkHelpers } = net;
const { time, loadFixture } = networkHelpers;
const { circleWorld } = circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);

const PERIOD = TEST_MANDATE_RULES.auditPeriod;
const REPORT = `0x${"ab".repeat(32)}` as const;

async function world() {
  const w = await circleWorld();
  return {
    ...w,
    registry: getAddress(await w.registry.getAddress()),
    circle: getAddress(await w.circle.getAddress()),
    members: w.founders.map((f) => getAddress(f.address)),
    outsider: getAddress(w.outsiders[0]!.address),
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** Starts the period's audit through the CLI and completes its draw; its id and two auditors. */
async function drawn(w: World, randomness = 31n) {
  const base = { circle: w.circle, registry: w.registry, json: false };
  const requested = await auditDraw(cli(), { ...base, from: w.outsider });
  if (requested.action !== "requested") throw new Error("not requested");
  await (await w.randomness.setValue(requested.ticket, randomness)).wait();
  const completed = await auditDraw(cli(), { ...base, complete: requested.auditId.toString() });
  if (completed.action !== "completed") throw new Error("not completed");
  return { auditId: requested.auditId, auditors: completed.audit.auditors.map((a) => a.address) as [Address, Address] };
}

describe("circle audit, audit-draw, audit-publish, audit-missed, listening-session (the CLI's pair-link audits)", function () {
  it("shows the period running now, starts its audit (anyone) and completes the draw of two auditors", async function () {
    const w = await loadFixture(world);
    const base = { circle: w.circle, registry: w.registry, json: false };
    const before = await showAudits(cli(), base);
    expect(before.action === "list" && before.total).to.equal(0n);
    expect(before.action === "list" && before.current?.auditId).to.equal(null);
    const out = await printed(() => auditTask(base, hreOf(net)));
    expect(out.stdout).to.contain(`Circle ${w.circle} has 0 audit(s). Audit period 0 runs until`);
    expect(out.stdout).to.contain("its audit can be started (circle audit-draw)");

    const { auditId, auditors } = await drawn(w);
    expect(auditId).to.equal(1n);
    expect(auditors[0]).to.not.equal(auditors[1]);
    for (const a of auditors) expect(w.members).to.include(a);

    const json = await printed(() => auditTask({ ...base, id: "1", json: true }, hreOf(net)));
    const shown = JSON.parse(json.stdout) as {
      action: string;
      audit: { status: string; auditors: { address: string }[] };
    };
    expect(shown.action).to.equal("one");
    expect(shown.audit.status).to.equal("drawn");
    expect(shown.audit.auditors.map((a) => a.address)).to.deep.equal(auditors);

    const again = await failure(auditDraw(cli(), base));
    expect(again.sentence).to.equal(
      "Audit period 0 already has its audit (1): the next one can be started when the next period begins.",
    );
  });

  it("publishes each auditor's report (a file's hash or a hash), refusing others and bad input", async function () {
    const w = await loadFixture(world);
    const { auditId, auditors } = await drawn(w);
    const base = { circle: w.circle, registry: w.registry, json: false, id: auditId.toString() };
    const bystander = w.members.find((m) => !auditors.includes(m))!;
    await expectRefusals(
      (args: AuditPublishArgs) => auditPublish(cli(), args),
      [
        [
          { ...base, from: bystander, hash: REPORT, uri: "ipfs://r" },
          `${bystander} is not an auditor of audit 1: only its two auditors publish (and they or a decision of the circle record the listening session).`,
        ],
        [
          { ...base, from: auditors[0], hash: REPORT, file: "x.md", uri: "ipfs://r" },
          "Give the report exactly one way: --file <path> (its bytes are hashed) or --hash 0x… (its keccak256).",
        ],
        [
          { ...base, from: auditors[0], hash: REPORT },
          "--uri is required: give where the report can be read (e.g. ipfs://…).",
        ],
        [
          { ...base, from: auditors[0], hash: REPORT, uri: "x".repeat(257) },
          "A report's URI is at most 256 bytes; this one has 257.",
        ],
      ],
    );
    const dir = mkdtempSync(join(tmpdir(), "audit-"));
    const file = join(dir, "report.md");
    writeFileSync(file, "Who works with whom: a report.");
    const first = await auditPublish(cli(), { ...base, from: auditors[0], file, uri: "ipfs://report" });
    expect(first.contentHash).to.equal(keccak256(new TextEncoder().encode("Who works with whom: a report.")));
    expect(first.complete).to.equal(false);
    const second = await auditPublish(cli(), { ...base, from: auditors[1], hash: REPORT, uri: "ipfs://report-2" });
    expect(second.complete).to.equal(true);
    const shown = await showAudits(cli(), { circle: w.circle, registry: w.registry, json: false, id: "1" });
    expect(shown.action === "one" && shown.audit.status).to.equal("published");
  });

  it("records a missed audit after its period (anyone), naming who did not publish", async function () {
    const w = await loadFixture(world);
    const { auditId, auditors } = await drawn(w);
    const base = { circle: w.circle, registry: w.registry, json: false, id: auditId.toString(), from: w.outsider };
    await auditPublish(cli(), { ...base, from: auditors[1], hash: REPORT, uri: "ipfs://r" });
    const early = await failure(auditMissed(cli(), base));
    expect(early.sentence).to.match(
      /^The period of audit 1 runs until .+: an audit can be recorded missed only after it\.$/,
    );
    await time.increase(PERIOD);
    const r = await auditMissed(cli(), base);
    expect(r.missing).to.deep.equal([auditors[0]]);
    const twice = await failure(auditMissed(cli(), base));
    expect(twice.sentence).to.equal("Audit 1 is missed: it cannot do that now.");
  });

  it("records the listening session as an auditor, or proposes the circle's decision with --propose", async function () {
    const w = await loadFixture(world);
    const { auditId, auditors } = await drawn(w);
    const base = { circle: w.circle, registry: w.registry, json: false, id: auditId.toString(), propose: false };
    const early = await failure(listeningSession(cli(), { ...base, from: auditors[0], date: "2020-01-01" }));
    expect(early.sentence).to.equal("Audit 1 is drawn, not yet published by both auditors: it cannot do that now.");
    for (const from of auditors) await auditPublish(cli(), { ...base, from, hash: REPORT, uri: "ipfs://r" });
    const now = await time.latest();
    const proposed = await listeningSession(cli(), { ...base, propose: true, from: w.members[0], date: String(now) });
    expect(proposed.action).to.equal("proposed");
    const bad = await failure(listeningSession(cli(), { ...base, from: auditors[0], date: "not a date" }));
    expect(bad.sentence).to.match(/^--date "not a date" is not a date/);
    const recorded = await listeningSession(cli(), { ...base, from: auditors[0], date: String(now) });
    expect(recorded.action === "recorded" && recorded.heldAt).to.equal(now);
    const shown = await showAudits(cli(), { circle: w.circle, registry: w.registry, json: false, id: "1" });
    expect(shown.action === "one" && shown.audit.session).to.deep.equal({ heldAt: now, recordedBy: auditors[0] });
  });

  it("reads dates as ISO times or Unix seconds", function () {
    expect(parseDate("date", "2026-03-02T18:00Z")).to.equal(Date.UTC(2026, 2, 2, 18) / 1000);
    expect(parseDate("date", "1772474400")).to.equal(1772474400);
  });
});
