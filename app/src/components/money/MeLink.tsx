/** The header's way to the member's own page, once a wallet is connected. */
import { useConnection } from "wagmi";

import { href } from "../../routes.js";

export function MeLink() {
  const { isConnected } = useConnection();
  return isConnected ? <a href={href({ page: "me" })}>Your page</a> : null;
}
