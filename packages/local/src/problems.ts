/** A failure to start that a person can fix: printed as one message, never as a stack. */
export class StartupProblem extends Error {}
