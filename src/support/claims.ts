import { hostname } from 'node:os';

/** This process, as it claims a live meeting: "host:pid". */
export function thisProcess(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Whether the process that claimed a meeting is gone (it was killed, or the machine restarted): its claim no longer
 * holds. A claim from another machine sharing the file cannot be checked, so it holds.
 */
export function claimIsStale(holder: string): boolean {
  const at = holder.lastIndexOf(':');
  const [host, pid] = [holder.slice(0, at), Number(holder.slice(at + 1))];
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return host === hostname();
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function holderPid(holder: string): string {
  return holder.slice(holder.lastIndexOf(':') + 1);
}
