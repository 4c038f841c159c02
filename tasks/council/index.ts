// `npx hardhat council <verb>`.
export const councilTasks = [];
