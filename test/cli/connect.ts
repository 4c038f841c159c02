// connect(hre) on a network reached over HTTP with the node's own accounts (`--network localhost`): plain viem, no
// Hardhat connection. The node here is Hardhat's in-process network behind a small HTTP server, so the test needs no
// separate process; e2e/ runs the same path against a real `hardhat node` and anvil.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { expect } from "chai";
import { network } from "hardhat";
import type { HttpNetworkConfig } from "hardhat/types/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, parseEther } from "viem";

import { CliError, connect, noteNetwork } from "../../tasks/cli.js";

/** The parts of the runtime connect() reads, for a network named "local" at `url`. */
function runtimeFor(url: string, overrides: Partial<HttpNetworkConfig> = {}): HardhatRuntimeEnvironment {
  const config = {
    type: "http",
    chainType: "l1",
    accounts: "remote",
    gas: "auto",
    gasPrice: "auto",
    gasMultiplier: 1,
    httpHeaders: {},
    timeout: 5_000,
    url: { _type: "ResolvedConfigurationVariable", format: "{}", get: async () => url, getUrl: async () => url },
    ...overrides,
  };
  return {
    globalOptions: { network: "local" },
    config: { networks: { local: config } },
  } as unknown as HardhatRuntimeEnvironment;
}

describe("tasks/cli connect (a node over HTTP with its own accounts)", function () {
  // connect() records the network it reached; forget it so later tests in this process see none.
  afterEach(() => noteNetwork());
  let server: Server;
  let url: string;
  let accounts: string[];

  before(async function () {
    const { provider } = await network.create();
    accounts = (await provider.request({ method: "eth_accounts" })) as string[];
    // JSON-RPC over HTTP in front of the in-process network, as `hardhat node` serves it.
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", async () => {
        const call = JSON.parse(body) as { id: number; method: string; params?: unknown[] };
        const answer = await provider.request({ method: call.method, params: call.params ?? [] }).then(
          (result) => ({ jsonrpc: "2.0", id: call.id, result }),
          (error: { code?: number; message: string; data?: unknown }) => ({
            jsonrpc: "2.0",
            id: call.id,
            error: { code: error.code ?? -32603, message: error.message, data: error.data },
          }),
        );
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(function () {
    server.close();
  });

  it("reads and signs through the node, as a development node (fast polling), with its accounts in order", async function () {
    const c = await connect(runtimeFor(url));
    expect(c.chainId).to.equal(31337);
    expect(c.publicClient.chain?.id).to.equal(31337);
    expect(c.wallets.map((w) => w.account.address)).to.deep.equal(accounts.map((a) => getAddress(a)));
    expect(c.publicClient.pollingInterval).to.equal(50);
    const [from, to] = c.wallets;
    const before = await c.publicClient.getBalance({ address: to!.account.address });
    const hash = await from!.sendTransaction({ to: to!.account.address, value: parseEther("1") });
    expect((await c.publicClient.waitForTransactionReceipt({ hash })).status).to.equal("success");
    expect(await c.publicClient.getBalance({ address: to!.account.address })).to.equal(before + parseEther("1"));
    expect(c.wallet(accounts[2]).account.address).to.equal(getAddress(accounts[2]!));
  });

  it("says in a sentence when no node answers, naming the URL and what to do", async function () {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await connect(runtimeFor(`http://127.0.0.1:${port}`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CliError);
    expect((error as Error).message).to.equal(
      `No node answers at http://127.0.0.1:${port} (network "local"): start one (npx hardhat node, or anvil) or point COMMONWEAL_RPC_URL at it.`,
    );
  });

  it("refuses a node whose chain id is not the one configured for the network", async function () {
    const error = await connect(runtimeFor(url, { chainId: 11155111 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CliError);
    expect((error as Error).message).to.equal(
      `The node at ${url} is chain 31337, but network "local" is configured as chain 11155111.`,
    );
  });
});
