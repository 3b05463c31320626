import WebSocket from 'ws';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** CPU time a workerd isolate spent while `action` ran, from a DevTools CPU profile, and where. */
export interface CpuProfileSummary {
  cpuMs: number;
  /** Self time by function, largest first. */
  top: Array<{ fn: string; ms: number }>;
  /** Time inside each of the `within` functions, callees included. */
  within: Record<string, number>;
}

/**
 * Profiles the Worker behind wrangler's inspector (`wrangler dev --inspector-port`) while
 * `action` runs: the isolate's own CPU time, which workerd's clocks do not show to the Worker.
 * Samples every 50 µs; `(idle)` and `(program)` samples are left out, garbage collection counts.
 */
export async function profileWorkerd(inspectorUrl: string, action: () => Promise<void>, within: readonly string[] = []): Promise<CpuProfileSummary> {
  const targets = (await (await fetch(`${inspectorUrl}/json`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 50 });
    await send('Profiler.start');
    await action();
    const { profile } = (await send('Profiler.stop')) as { profile: Profile };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const inside: Record<string, number> = Object.fromEntries(within.map((fn) => [fn, 0]));
    let total = 0;
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      total += ms;
      const key = frame.functionName || `(anonymous ${frame.url.split('/').pop()})`;
      self.set(key, (self.get(key) ?? 0) + ms);
      const stack = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.add(byId.get(n)!.callFrame.functionName);
      for (const fn of within) if (stack.has(fn)) inside[fn]! += ms;
    });
    const top = [...self]
      .map(([fn, ms]) => ({ fn, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 6);
    return { cpuMs: total, top, within: inside };
  } finally {
    ws.close();
  }
}
