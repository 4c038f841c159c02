// `npx hardhat circle template --id <name or id> [--json]`: one template with its lineage (see templates.ts).
export { templateTask as default } from "./templates.js";
