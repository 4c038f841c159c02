import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, custom } from "viem";

import { advanceChain, nodeKind, parseDuration } from "../../client/chain.js";
import chainAdvance, { advance } from "../../tasks/chain/advance.js";
import { expectRefusals, hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const publicClient = await net.viem.getPublicClient();

/** A node that answers like a live Geth node: every test call it receives is recorded (and none should be). */
function gethNode() {
  const calls: string[] = [];
  const client = createPublicClient({
    transport: custom({
      async request({ method }: { method: string }) {
        calls.push(method);
        if (method === "web3_clientVersion") return "Geth/v1.14.0-stable/linux-amd64/go1.22.1";
        if (method === "eth_chainId") return "0x7a69"; // 31337, like a local node: the client decides, not the id
        throw new Error(`unexpected ${method}`);
      },
    }),
  });
  return { client, calls };
}

describe("chain tasks (the CLI, in-process)", function () {
  describe("durations", function () {
    it("reads minutes, hours, days and weeks, alone or combined largest first", function () {
      expect(parseDuration("90m")).to.equal(5_400);
      expect(parseDuration("8d")).to.equal(8 * 86_400);
      expect(parseDuration("2w")).to.equal(14 * 86_400);
      expect(parseDuration("1d12h")).to.equal(36 * 3_600);
      expect(parseDuration("1w2d3h4m5s")).to.equal(9 * 86_400 + 3 * 3_600 + 4 * 60 + 5);
      // The same parser reads the circle rules' durations, where a bare number is seconds and zero is allowed.
      expect(parseDuration("3600", { bareSeconds: true })).to.equal(3_600);
      expect(parseDuration("1d 12h", { bareSeconds: true })).to.equal(36 * 3_600);
      expect(parseDuration("0", { bareSeconds: true, zero: true })).to.equal(0);
    });

    it("refuses a malformed, empty, zero, out-of-order or overlong duration with a sentence", async function () {
      const how =
        "write a duration as whole numbers with units s, m, h, d, w, largest first (e.g. 90m, 8d, 2w, 1d12h).";
      await expectRefusals(
        (duration: string) => advance({ publicClient }, { duration, json: false }),
        [
          ["8", `"8" is not a duration: ${how}`],
          ["8x", `"8x" is not a duration: ${how}`],
          ["", `"" is not a duration: ${how}`],
          ["1.5d", `"1.5d" is not a duration: ${how}`],
          ["-1d", `"-1d" is not a duration: ${how}`],
          ["12h1d", `"12h1d" is not a duration: ${how}`],
          ["1d1d", `"1d1d" is not a duration: ${how}`],
          ["0d", `"0d" is no time at all: give a duration of at least 1s.`],
          ["11000d", `"11000d" is too long: at most 10 years.`],
        ],
      );
      await expectRefusals(
        (blocks: string) => advance({ publicClient }, { duration: "1h", blocks, json: false }),
        [
          ["two", `--blocks "two" is not a whole number of blocks.`],
          ["0", "0 blocks cannot be mined: give a whole number from 1 to 1000."],
          ["1001", "1001 blocks cannot be mined: give a whole number from 1 to 1000."],
        ],
      );
      await expectRefusals(
        (blocks: string) => advance({ publicClient }, { duration: "2s", blocks, json: false }),
        [["3", "3 blocks cannot fit in 2 seconds: each block needs at least a second."]],
      );
    });
  });

  describe("chain advance", function () {
    it("moves the in-process node's clock by the duration and mines block by block", async function () {
      expect((await nodeKind(publicClient)).local).to.equal(true);
      // The node's clock runs in real time between blocks, and the latest block may be minutes old when the file's
      // earlier tests were slow: start from a block mined now, so only this test's own seconds count as drift.
      await net.networkHelpers.mine();
      const before = await publicClient.getBlock();
      const r = await advance({ publicClient }, { duration: "1d12h", blocks: "3", json: false });
      const after = await publicClient.getBlock();
      expect(r).to.include({ seconds: 129_600, blocks: 3 });
      expect(r.clientVersion).to.match(/^HardhatNetwork/);
      expect(after.number).to.equal(before.number + 3n);
      // The node's clock also runs in real time: allow a minute of it on a busy machine.
      const slack = 60n;
      expect(after.timestamp - before.timestamp).to.be.within(129_600n, 129_600n + slack);
      expect(r.to).to.deep.equal({ block: after.number, timestamp: after.timestamp });
      // Each block was mined on its own, a third of the time apart.
      let previous = before.timestamp;
      for (let i = 1n; i <= 3n; i++) {
        const block = await publicClient.getBlock({ blockNumber: before.number + i });
        expect(block.timestamp - previous).to.be.within(43_200n, 43_200n + slack);
        previous = block.timestamp;
      }
      // One block by default.
      const one = await advance({ publicClient }, { duration: "90m", json: false });
      expect(one.to.block).to.equal(after.number + 1n);
      expect(one.to.timestamp - after.timestamp).to.be.within(5_400n, 5_400n + slack);
    });

    it("refuses a node that is not local, whatever its chain id, naming its client and sending no test call", async function () {
      const { client, calls } = gethNode();
      expect(await nodeKind(client)).to.deep.equal({
        local: false,
        clientVersion: "Geth/v1.14.0-stable/linux-amd64/go1.22.1",
      });
      const refusal =
        'This node is not local: its client is "Geth/v1.14.0-stable/linux-amd64/go1.22.1", not a Hardhat node or anvil, so its clock cannot be moved (only a local node\'s can, whatever its chain id).';
      await expectRefusals(
        (duration: string) => advance({ publicClient: client }, { duration, json: false }),
        [["8d", refusal]],
      );
      await expectRefusals((seconds: number) => advanceChain(client, { seconds }), [[60, refusal]]);
      expect(calls.filter((m) => m.startsWith("evm_"))).to.deep.equal([]);
    });

    it("prints the result, or with --json the refusal as JSON with exit code 1", async function () {
      const ok = await printed(() => chainAdvance({ duration: "2w", json: true }, hreOf(net)));
      expect(ok.exitCode).to.equal(0);
      expect(JSON.parse(ok.stdout)).to.include({ seconds: 1_209_600, blocks: 1 });
      const bad = await printed(() => chainAdvance({ duration: "2 weeks", json: true }, hreOf(net)));
      expect(bad).to.deep.include({ exitCode: 1, stderr: "" });
      expect(JSON.parse(bad.stdout)).to.deep.equal({
        error:
          '"2 weeks" is not a duration: write a duration as whole numbers with units s, m, h, d, w, largest first (e.g. 90m, 8d, 2w, 1d12h).',
      });
      const plain = await printed(() => chainAdvance({ duration: "2 weeks", json: false }, hreOf(net)));
      expect(plain).to.deep.include({ exitCode: 1, stdout: "" });
      expect(plain.stderr).to.match(/^Error: "2 weeks" is not a duration/);
    });
  });
});
