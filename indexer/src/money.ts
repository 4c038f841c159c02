// The money side's handlers (mutual credit, income): written on branch h/money14.
export {};
