/**
 * A write from the connected wallet, as every form of the app makes one (see VoteForm): a mutation around one of the
 * client's write actions, which simulate first (client/actions/submit.ts), so a refusal comes back as the contract's
 * error and nothing is sent; on success every page reads the chain again. `mutate` takes a function reading the form,
 * so a form's bad input is refused the same way, with its sentence, before anything is simulated.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useWalletClient } from "wagmi";

import type { SigningClient } from "../../../../client/actions/submit.js";
import { CommonwealError } from "../../../../client/errors.js";

export function useWrite<P, R>(action: (wallet: SigningClient, parameters: P) => Promise<R>) {
  const wallet = useWalletClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (read: () => P) => {
      if (!wallet.data) throw new CommonwealError("Connect a wallet above first.");
      return action(wallet.data, read());
    },
    onSuccess: () => queries.invalidateQueries(),
  });
}
