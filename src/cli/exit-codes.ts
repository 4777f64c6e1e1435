/** What the exit code of a run means (README, "Exit codes"). */
export const EXIT = {
  /** Every input was read and processed. */
  ok: 0,
  /** Some input could not be read or parsed; every other input still got its record. */
  inputFailed: 1,
  /** The command line is wrong (unknown option, bad value, --out into a missing directory). */
  usage: 2,
  /** `check --fail-on` found a finding at or above the asked severity. */
  checkFailed: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Thrown for a usage error: the message names the problem and the fix. */
export class UsageError extends Error {}
