/**
 * `npx hardhat circle consent --name … --founders 0x…,0x… (--charter-file <path> | --charter-text "…" | --charter-hash 0x…) [--template … | rule options]
 * --deadline <unix seconds> --from <founder> --json > consent.json`: a founder signs their consent to a founding that
 * someone else sends with `circle create --consents consent.json,…`.
 */
export { consent as default } from "./create.js";
