/**
 * A progress line on stderr for people at a terminal: inputs done, MB/s, errors, ETA.
 * Silent when stderr is not a terminal or with --quiet.
 */
export class Progress {
  private done = 0;
  private bytes = 0;
  private errors = 0;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    readonly enabled: boolean,
    private total: number | null = null,
  ) {}

  setTotal(total: number): void {
    this.total = total;
  }

  /** Inputs done (a batch of them at once), their characters, and how many of them failed. */
  tick(chars: number, failed: number, inputs = 1): void {
    if (!this.enabled) return;
    this.done += inputs;
    this.bytes += chars * 3; // CJK text: about three UTF-8 bytes a character
    this.errors += failed;
    const now = Date.now();
    if (now - this.last >= 100) {
      this.last = now;
      this.draw(now);
    }
  }

  private draw(now: number): void {
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.bytes / 1e6 / secs;
    const parts = [`${this.done}${this.total ? `/${this.total}` : ''} inputs`, `${rate.toFixed(1)} MB/s`, `${this.errors} errors`];
    let bar = '';
    if (this.total) {
      const frac = Math.min(1, this.done / this.total);
      const width = 20;
      bar = `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] `;
      const eta = this.done ? ((this.total - this.done) * secs) / this.done : 0;
      parts.push(`ETA ${Math.ceil(eta)}s`);
    }
    process.stderr.write(`\r\x1b[K${bar}${parts.join(' · ')}`);
  }

  finish(): void {
    if (this.enabled && this.done > 0) process.stderr.write('\r\x1b[K');
  }
}
