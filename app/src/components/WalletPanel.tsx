/**
 * Connecting a wallet: every wallet that announces itself (EIP-6963) is listed, plus a lone injected one; once
 * connected, the account, and a way to switch to the app's chain if the wallet is on another.
 */
import { useChainId, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";

import { useApp } from "../context.js";
import { Address, Refusal } from "./basics.js";

export function WalletPanel() {
  const { config } = useApp();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  const appChain = useChainId();

  if (connection.isConnected && connection.address) {
    const wrongChain = connection.chainId !== undefined && connection.chainId !== config.chainId;
    return (
      <div className="wallet" aria-label="Wallet">
        <p>
          Connected: <Address value={connection.address} />
          {connection.connector ? ` with ${connection.connector.name}` : ""}
        </p>
        {wrongChain ? (
          <button type="button" onClick={() => switchChain.mutate({ chainId: appChain })}>
            Switch to chain {config.chainId}
          </button>
        ) : null}
        <button type="button" onClick={() => disconnect.mutate({})}>
          Disconnect
        </button>
      </div>
    );
  }
  // Wallets that announced themselves (EIP-6963); the generic "Injected" one only if none did and the page has a
  // window.ethereum for it.
  const announced = connectors.filter((c) => c.id !== "injected");
  const shown = announced.length > 0 ? announced : "ethereum" in window ? connectors : [];
  return (
    <div className="wallet" aria-label="Wallet">
      {shown.length === 0 ? <p>No wallet found in this browser: install one to vote.</p> : null}
      {shown.map((connector) => (
        <button
          key={connector.uid}
          type="button"
          disabled={connect.isPending}
          onClick={() => connect.mutate({ connector, chainId: config.chainId })}
        >
          Connect {connector.name}
        </button>
      ))}
      {connect.isError ? <Refusal error={connect.error} /> : null}
    </div>
  );
}
