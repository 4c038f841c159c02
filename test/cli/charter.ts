import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, toBytes } from "viem";

import { charterHash } from "../../client/charter.js";
import { connection as cliConnection } from "../../tasks/cli.js";
import { consentToFounding, createCircle } from "../../tasks/circle/create.js";
import { circleInfo } from "../../tasks/circle/info.js";
import { proposeCharter } from "../../tasks/circle/ratify-charter.js";
import { proposeCouncil } from "../../tasks/council/create.js";
import { CHARTER_HASH, circleFixtures } from "../fixtures/circles.js";

const net = await network.create();
const { viem, networkHelpers } = net;
const { circleWorld } = circleFixtures(net);

const TEXT = "We keep the garden together; every member has one vote.\n";

/** The fixture circle with a CLI connection, and a charter file on disk. */
async function world() {
  const w = await circleWorld();
  const publicClient = await viem.getPublicClient();
  const c = cliConnection(publicClient, await viem.getWalletClients(), await publicClient.getChainId());
  return {
    c,
    publicClient,
    registry: getAddress(await w.registry.getAddress()),
    circle: getAddress(await w.circle.getAddress()),
    founder: w.founders.map((f) => getAddress(f.address)),
    outsider: w.outsiders.map((o) => getAddress(o.address)),
  };
}

describe("charter options (--charter-file, --charter-text, --charter-hash)", function () {
  let dir: string;
  let file: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), "charter-"));
    file = join(dir, "charter.md");
    writeFileSync(file, "# Birch Lane\n\nWe share tools. Décisions by one member, one vote.\n");
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it("hashes a charter as keccak256 of its bytes, text as UTF-8", function () {
    expect(charterHash(TEXT)).to.equal(keccak256(toBytes(TEXT)));
    expect(charterHash(new Uint8Array([1, 2, 3]))).to.equal(keccak256(new Uint8Array([1, 2, 3])));
  });

  it("founds a circle from a charter file, whose hash is the file's keccak256", async function () {
    const w = await networkHelpers.loadFixture(world);
    const founders = w.outsider.slice(0, 6);
    const args = { name: "Birch Lane", founders: founders.join(","), charterFile: file, registry: w.registry };
    const consent = await consentToFounding(w.c, { ...args, from: founders[1], json: false });
    expect(consent).to.not.equal(undefined);
    const made = await createCircle(w.c, { ...args, from: founders[0], json: false });
    const info = await circleInfo(w.c, { circle: made.circle, registry: w.registry, json: false });
    expect(info.charter.contentHash).to.equal(keccak256(readFileSync(file)));
    expect(info.charter.uri).to.equal("");
  });

  it("proposes ratifying a charter given as text, and a council founded from a charter file", async function () {
    const w = await networkHelpers.loadFixture(world);
    const ratify = await proposeCharter(w.c, {
      circle: w.circle,
      charterText: TEXT,
      from: w.founder[0],
      registry: w.registry,
      json: false,
    });
    expect(ratify.charterHash).to.equal(keccak256(toBytes(TEXT)));
    const council = await proposeCouncil(w.c, {
      circle: w.circle,
      name: "Tool council",
      charterFile: file,
      charterUri: "ipfs://tools",
      openJoin: false,
      from: w.founder[1],
      registry: w.registry,
      json: false,
    });
    expect(council.charterHash).to.equal(charterHash(new Uint8Array(readFileSync(file))));
  });

  it("refuses no charter, two ways at once, an unreadable file and empty text, before sending anything", async function () {
    const w = await networkHelpers.loadFixture(world);
    const from = w.founder[0]!;
    const nonce = await w.publicClient.getTransactionCount({ address: from });
    const base = { circle: w.circle, from, registry: w.registry, json: false };
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^Give the charter exactly one way: --charter-file <path>.*; none was given\.$/],
      [{ charterHash: CHARTER_HASH, charterText: TEXT }, /--charter-hash and --charter-text were given\.$/],
      [{ charterFile: file, charterText: TEXT }, /--charter-file and --charter-text were given\.$/],
      [{ charterFile: join(dir, "missing.md") }, /^--charter-file: cannot read ".*missing\.md"/],
      [{ charterText: "" }, /^--charter-text is empty/],
      [{ charterHash: "garden" }, /--charter-hash "garden" is not the charter's content hash/],
    ];
    for (const [extra, sentence] of cases) {
      let message = "";
      await proposeCharter(w.c, { ...base, ...extra }).catch((error: unknown) => {
        message = error instanceof Error ? error.message : String(error);
      });
      expect(message).to.match(sentence);
    }
    expect(await w.publicClient.getTransactionCount({ address: from })).to.equal(nonce);
  });
});
