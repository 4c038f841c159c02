// Every deployable contract keeps 15% room under the EIP-170 limit of 24,576 bytes (at most 20,889 bytes), so a
// fix or a feature never has to wait for a refactor to fit. Read from the build's artifacts (`hardhat test` compiles
// first); the sizes are the benchmark's own (scripts/bench/sizes.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import hre, { network } from "hardhat";

import { SIZE_BUDGET, SIZE_LIMIT, contractSizes } from "../../scripts/bench/sizes.js";

describe("contract sizes", function () {
  const rows = contractSizes();
  // `hardhat test --coverage` instruments the contracts (a third larger): their sizes say nothing about deployment.
  const instrumented = hre.globalOptions.coverage === true;

  it("finds the deployable contracts in the build, and no mock among them", function () {
    const names = rows.map((r) => r.name);
    for (const name of [
      "Circle",
      "CircleRegistry",
      "Mandates",
      "MandateDraws",
      "MandateAudits",
      "MutualCredit",
      "IncomeHub",
      "CouncilSeats",
    ]) {
      expect(names).to.include(name);
    }
    expect(rows.filter((r) => r.source.includes("/mocks/"))).to.deep.equal([]);
  });

  it("lists each contract once", function () {
    const names = rows.map((r) => r.name);
    expect(names).to.deep.equal([...new Set(names)]);
  });

  it("leaves out a stale artifact and counts an artifact seen twice once", function () {
    // A contract moved out of a file leaves its old artifact behind until the build cleans it; the same artifact
    // under two paths of the build counts once.
    const root = mkdtempSync(join(tmpdir(), "sizes-"));
    try {
      const artifact = (dir: string, name: string, source: string) => {
        mkdirSync(join(root, "artifacts", dir), { recursive: true });
        const json = { contractName: name, sourceName: source, abi: [{}], deployedBytecode: "0x6001" };
        writeFileSync(join(root, "artifacts", dir, `${name}.json`), JSON.stringify(json));
      };
      mkdirSync(join(root, "contracts", "income"), { recursive: true });
      writeFileSync(join(root, "contracts", "income", "Token.sol"), "contract Token {}\n");
      writeFileSync(join(root, "contracts", "income", "Wrappers.sol"), "contract Wrappers {}\n");
      artifact("contracts/income/Token.sol", "Token", "contracts/income/Token.sol");
      artifact("contracts/income/Token.sol/copy", "Token", "contracts/income/Token.sol");
      artifact("contracts/income/Wrappers.sol", "Token", "contracts/income/Wrappers.sol");
      artifact("contracts/income/Gone.sol", "Gone", "contracts/income/Gone.sol");
      expect(contractSizes(root)).to.deep.equal([{ name: "Token", source: "contracts/income/Token.sol", bytes: 2 }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("measures MandateDraws as the very code the Mandates constructor deploys", async function () {
    // MandateDraws is never deployed on its own: the Mandates implementation creates it in its constructor (its
    // first CREATE, at nonce 1) and every circle's mandates run it by delegatecall. It must fit the limit all the
    // same, or no Mandates could be deployed.
    const { ethers } = await network.create();
    const audits = await ethers.deployContract("MandateAudits");
    const mandates = await ethers.deployContract("Mandates", [await audits.getAddress()]);
    const draws = ethers.getCreateAddress({ from: await mandates.getAddress(), nonce: 1 });
    const code = await ethers.provider.getCode(draws);
    const row = rows.find((r) => r.name === "MandateDraws");
    expect(row, "MandateDraws is not in the sizes").to.not.equal(undefined);
    expect((code.length - 2) / 2).to.equal(row!.bytes);
  });

  for (const row of rows) {
    it(`keeps ${row.name} under 85% of the ${SIZE_LIMIT}-byte limit`, function () {
      if (instrumented) this.skip();
      expect(row.bytes, `${row.name}: ${row.bytes} bytes`).to.be.at.most(SIZE_BUDGET);
    });
  }
});
