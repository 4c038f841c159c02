// Where the client finds a network's addresses: shipped ones by chain id, else a local Ignition record in a folder
// the caller names (or COMMONWEAL_DEPLOYMENTS), never the current folder by accident.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import {
  DEPLOYED,
  DEPLOYMENTS_ENV,
  DeploymentRecordError,
  knownDeployments,
  readDeployment,
} from "../../client/node.js";

const ADDRESSES = {
  registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  creditFactory: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  incomeHub: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  incomeWrappers: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  profiles: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
} as const;

describe("client deployment records (readDeployment)", function () {
  let folder: string;
  let saved: string | undefined;
  let cwd: string;

  beforeEach(function () {
    folder = mkdtempSync(join(tmpdir(), "commonweal-records-"));
    const record = Object.fromEntries(
      Object.entries(ADDRESSES).map(([k, v]) => [DEPLOYED[k as keyof typeof DEPLOYED], v]),
    );
    for (const id of ["chain-31337", "custom"]) {
      mkdirSync(join(folder, id));
      writeFileSync(join(folder, id, "deployed_addresses.json"), JSON.stringify(record));
    }
    saved = process.env[DEPLOYMENTS_ENV];
    delete process.env[DEPLOYMENTS_ENV];
    cwd = process.cwd();
  });

  afterEach(function () {
    process.chdir(cwd);
    if (saved === undefined) delete process.env[DEPLOYMENTS_ENV];
    else process.env[DEPLOYMENTS_ENV] = saved;
    rmSync(folder, { recursive: true, force: true });
  });

  it("reads a local record from the folder the caller names", function () {
    expect(readDeployment(31337, { folder })).to.deep.equal(ADDRESSES);
    expect(readDeployment(31337, { folder, deploymentId: "custom" })).to.deep.equal(ADDRESSES);
  });

  it("reads a local record from the folder COMMONWEAL_DEPLOYMENTS names", function () {
    process.env[DEPLOYMENTS_ENV] = folder;
    expect(readDeployment(31337)).to.deep.equal(ADDRESSES);
  });

  it("never reads the current folder by accident: with no folder named it says both ways to name one", function () {
    // Even standing where the old default, deploy/deployments relative to the current folder, holds a record.
    mkdirSync(join(folder, "deploy/deployments/chain-31337"), { recursive: true });
    writeFileSync(join(folder, "deploy/deployments/chain-31337/deployed_addresses.json"), JSON.stringify({}));
    process.chdir(folder);
    expect(() => readDeployment(31337))
      .to.throw(DeploymentRecordError)
      .with.property("message")
      .that.equals(
        "No Commonweal addresses ship for chain 31337, and no folder of deployment records is named: " +
          "pass readDeployment(31337, { folder }) or set COMMONWEAL_DEPLOYMENTS to the folder " +
          "(in the Commonweal repository, deploy/deployments).",
      );
  });

  it("ships no public network's addresses yet, and a shipped entry has every contract of the suite", function () {
    expect(knownDeployments).to.deep.equal({});
    for (const entry of Object.values(knownDeployments))
      expect(Object.keys(entry!)).to.have.members(Object.keys(DEPLOYED));
  });
});
