/** The stream a progress bar draws on (stderr in the seed command). */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressBar {
  tick(detail?: string): void;
  done(summary: string): void;
}

/**
 * `label [██████░░░░] 420/1200 35% 48/s eta 16s`, redrawn in place on a terminal (at most every 100 ms);
 * elsewhere (CI logs) one plain line per 10 %.
 */
export function progressBar(label: string, total: number, out: ProgressOutput, width = 30): ProgressBar {
  const started = Date.now();
  let count = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const line = (detail: string) => {
    const ratio = total === 0 ? 1 : count / total;
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const eta = rate > 0 ? Math.ceil((total - count) / rate) : 0;
    return `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${count}/${total} ${Math.floor(ratio * 100)}% ${rate.toFixed(0)}/s eta ${eta}s${detail ? ` ${detail}` : ''}`;
  };
  return {
    tick(detail = '') {
      count++;
      const now = Date.now();
      if (out.isTTY === true) {
        if (now - lastDraw >= 100 || count === total) {
          lastDraw = now;
          out.write(`\r${line(detail)}\x1b[K`);
        }
        return;
      }
      const decile = Math.floor((count / Math.max(total, 1)) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${line(detail)}\n`);
      }
    },
    done(summary) {
      out.write(
        `${out.isTTY === true ? '\r\x1b[K' : ''}${label}: ${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
  };
}
