// `npx hardhat mandate <verb>`.
export const mandateTasks = [];
