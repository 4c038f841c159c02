/** What every page needs: the configuration, a client for the chain and one for the ledger. */
import { createContext, useContext } from "react";
import type { PublicClient } from "viem";

import type { LedgerClient } from "../../client/ledger.js";
import type { ResolvedConfig } from "./config.js";

export interface AppContextValue {
  config: ResolvedConfig;
  /** Live state: the chain, through the client's actions. */
  publicClient: PublicClient;
  /** History: the ledger (the indexer's API), through the client's ledger actions. */
  ledger: LedgerClient;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

/** The app's configuration and clients; only inside <AppContext.Provider>. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside the app's provider");
  return value;
}
