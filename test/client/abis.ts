import { readFileSync } from "node:fs";

import { expect } from "chai";

import * as abis from "../../client/abis.js";
import { CONTRACTS } from "../../scripts/abi-contracts.js";

// client/abis.ts is generated from the artifacts by `npm run build` and committed, so apps can import it without
// building. This keeps it from going stale.
describe("client/abis", function () {
  it("matches the compiled contracts (run `npm run build` if this fails)", function () {
    const exported = abis as Record<string, unknown>;
    expect(Object.keys(exported)).to.have.members(Object.keys(CONTRACTS).map((name) => `${name}Abi`));
    for (const [name, path] of Object.entries(CONTRACTS)) {
      const { abi } = JSON.parse(readFileSync(`artifacts/contracts/${path}.json`, "utf8")) as { abi: unknown };
      expect(exported[`${name}Abi`], name).to.deep.equal(abi);
    }
  });
});
