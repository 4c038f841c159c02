/**
 * What the governance forms share: a write through a client action with the connected wallet (simulated first by the
 * client, so a refusal is the CLI's sentence and nothing is sent), after which every page reads again, and again once
 * the ledger has caught up with the chain; and the reads the forms need (the rituals, names, live mandates).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { useConnection, useWalletClient } from "wagmi";

import { readCircleRituals } from "../../../client/actions/circle/readCircleRituals.js";
import { readLedgerStatus } from "../../../client/actions/ledger/readLedgerStatus.js";
import { readProfiles } from "../../../client/actions/profile/readProfiles.js";
import type { SigningClient } from "../../../client/actions/submit.js";
import { CommonwealError } from "../../../client/errors.js";
import { displayName } from "../../../client/names.js";
import { useApp } from "../context.js";

/** Asked to act with no wallet connected. */
export class NoWalletError extends CommonwealError {
  override name = "NoWalletError";
  constructor() {
    super("Connect a wallet above first: the app sends nothing without one.");
  }
}

/**
 * A write with the connected wallet through `action` (a client write action). On success every query reads again
 * at once (the chain), and the ledger's again once the ledger has reached the chain's latest block (it follows a
 * block or two behind), so lists fed by the ledger show the change without a reload.
 */
export function useWrite<Args, Result>(action: (wallet: SigningClient, args: Args) => Promise<Result>) {
  const { isConnected } = useConnection();
  const wallet = useWalletClient();
  const queries = useQueryClient();
  const { publicClient, ledger } = useApp();
  const mutation = useMutation({
    mutationFn: (args: Args) => {
      if (!wallet.data) throw new NoWalletError();
      return action(wallet.data, args);
    },
    onSuccess: async () => {
      await queries.invalidateQueries();
      const block = await publicClient.getBlockNumber({ cacheTime: 0 }); // not a cached number from before the write
      for (let i = 0; i < 40; i++) {
        const status = await readLedgerStatus(ledger, { block }).catch(() => undefined);
        if (status?.caughtUp) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await queries.invalidateQueries({ queryKey: ["ledger"] });
    },
  });
  return { ...mutation, ready: isConnected && wallet.data !== undefined, account: wallet.data?.account.address };
}

/** The circle's rituals now: the reset round (signals, threshold, end) and the decision period (the chain). */
export function useRituals(circle: Address) {
  const { publicClient, config } = useApp();
  return useQuery({
    queryKey: ["rituals", circle],
    queryFn: () => readCircleRituals(publicClient, { circle, registry: config.addresses.registry, periods: 1 }),
  });
}

/** Each account with its display name ("Ana (0x1234…abcd)", or the address), for choosing a member by name. */
export function useNames(accounts: readonly Address[]) {
  const { publicClient, config } = useApp();
  const profiles = config.addresses.profiles;
  return useQuery({
    queryKey: ["names", profiles, ...accounts],
    queryFn: async () => {
      const book = await readProfiles(publicClient, { profiles, accounts, ens: false });
      return accounts.map((account) => ({ account, name: displayName(account, book) }));
    },
    placeholderData: accounts.map((account) => ({ account, name: account })),
  });
}
