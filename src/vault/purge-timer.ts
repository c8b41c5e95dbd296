// The purge after a delete's undo window: a timer nobody awaits, so its failure (a full
// disk, a blocked database) is reported as 'purge-failed' (problems.ts) instead of being
// dropped. What was not purged stays hidden and is purged by the next purge (the next
// unlock, or the next delete's timer).
import { asProblem, type ProblemReporter } from './problems';

export class PurgeTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly purge: () => Promise<number>,
    private readonly problems: ProblemReporter,
  ) {}

  /** Purges once `ms` have passed (a later call replaces an earlier one). */
  schedule(ms: number): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  /** Purges now; a failure is reported, not thrown. Returns how many went (0 on failure). */
  async run(): Promise<number> {
    try {
      return await this.purge();
    } catch (error) {
      this.problems.report(
        asProblem(
          error,
          'purge-failed',
          'Removing deleted items for good failed; they stay hidden and the next purge tries again.',
        ),
      );
      return 0;
    }
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
