export { proposalTask as default } from "./proposals.js";
