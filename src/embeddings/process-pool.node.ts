import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ModelUnavailableError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';

export type EmbedderTask = { kind: 'query'; text: string } | { kind: 'documents'; texts: string[] };
export type EmbedderRequest = EmbedderTask & { id: number };

/** What a child reports once its model is loaded. */
export interface LoadedModel {
  modelId: string;
  dimensions: number;
  modelHash: string;
}

export type EmbedderReply = { id: number; vectors: Float32Array[] } | { id: number; error: string } | { id: 0; ready: LoadedModel };

export interface ProcessPoolOptions {
  modelDir: string;
  /** Embedding processes (each holds one copy of the model). */
  processes: number;
  /** onnxruntime threads per process (default 1: the processes already use the cores). */
  threads?: number;
  /** Documents per forward pass, as in `TransformersEmbedder` (default 16). */
  batchSize?: number;
  /** Milliseconds a process may take to load the model (default 60 s). */
  startTimeoutMs?: number;
  /**
   * Milliseconds a process may take for one request (default 30 s). Past it the request fails
   * with `ModelUnavailableError` (503, retry) and the process, hung or stopped, is killed and
   * replaced, so it neither holds later requests nor counts as serving in `/readyz`.
   */
  requestTimeoutMs?: number;
  /** Told when a process exits unexpectedly (it is replaced) and when a replacement fails to start (retried with backoff). */
  onEvent?: (event: PoolEvent) => void;
}

export type PoolEvent =
  | { type: 'exit'; pid: number | undefined; code: number | null; signal: NodeJS.Signals | null }
  | { type: 'timeout'; pid: number | undefined; timeoutMs: number }
  | { type: 'restart-failed'; error: string; retryInMs: number };

/** Longest wait between attempts to replace a process that died. */
const MAX_RESTART_DELAY_MS = 30_000;
/** How long `close` waits for a child to leave after its channel is closed before killing it. */
const CLOSE_GRACE_MS = 5_000;

interface Pending {
  resolve(vectors: number[][]): void;
  reject(error: Error): void;
}

interface Member {
  child: ChildProcess;
  pending: Map<number, Pending>;
}

/** Run from source (tsx) the child is the .ts file and needs tsx; compiled (`npm run build`) it is the .js beside this one. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = fileURLToPath(new URL(FROM_SOURCE ? './embedder-process.node.ts' : './embedder-process.node.js', import.meta.url));

/**
 * The embedding model in child processes. onnxruntime-node runs a session synchronously on
 * the calling thread, so in-process a question's embedding (most of an answer's CPU time)
 * blocks the event loop; here the loop keeps parsing requests, ranking and composing while a
 * child embeds. Each question goes alone to the least busy child, so its vector is exactly the
 * in-process one. A child that dies, or does not answer within `requestTimeoutMs`, fails its
 * requests with `ModelUnavailableError` (503) and is replaced. The children ignore SIGINT and
 * SIGTERM, which a terminal's Ctrl-C or systemd send to the whole process group: they leave
 * when the server closes their channel, after its in-flight requests are answered.
 */
export class ProcessPoolEmbedder implements Embedder {
  private readonly members: Member[] = [];
  private nextId = 1;
  private closing = false;
  private retiring = false;

  private constructor(
    private readonly options: ProcessPoolOptions,
    readonly modelId: string,
    readonly dimensions: number,
    /** SHA-256 of the ONNX file, as the children report it. */
    readonly modelHash: string,
  ) {}

  static async start(options: ProcessPoolOptions): Promise<ProcessPoolEmbedder> {
    if (!Number.isInteger(options.processes) || options.processes < 1) {
      throw new RangeError(`processes must be a whole number ≥ 1, got ${options.processes}`);
    }
    const started = await Promise.allSettled(Array.from({ length: options.processes }, () => spawnMember(options)));
    const members = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) {
      for (const m of members) m.member.child.kill();
      throw failure.reason;
    }
    const { ready } = members[0]!;
    const pool = new ProcessPoolEmbedder(options, ready.modelId, ready.dimensions, ready.modelHash);
    for (const m of members) pool.adopt(m.member);
    return pool;
  }

  /** Number of children currently serving. */
  get size(): number {
    return this.members.length;
  }

  /** Requests sent to the children and not yet answered (the embedding queue's depth). */
  get pending(): number {
    return this.members.reduce((sum, m) => sum + m.pending.size, 0);
  }

  /** Process ids of the children currently serving. */
  get pids(): number[] {
    return this.members.map((m) => m.child.pid!);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.send({ kind: 'query', text });
    return vector!;
  }

  /**
   * Documents are sent in slices of the batch size, so each child makes exactly the batches the
   * in-process embedder would (the quantized model's output depends slightly on a batch's other
   * texts); the slices spread over the processes.
   */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const size = this.options.batchSize ?? 16;
    const batches: Array<Promise<number[][]>> = [];
    for (let i = 0; i < texts.length; i += size) batches.push(this.send({ kind: 'documents', texts: texts.slice(i, i + size) }));
    return (await Promise.all(batches)).flat();
  }

  /** From now on a child that exits is not replaced (the server is shutting down); requests are still served. */
  stopReplacing(): void {
    this.retiring = true;
  }

  /** Stops the children (killing any that has not left within 5 s, e.g. a stopped one); requests still waiting fail. */
  async close(): Promise<void> {
    this.closing = true;
    this.retiring = true;
    await Promise.all(
      this.members.splice(0).map(
        (m) =>
          new Promise<void>((resolve) => {
            if (m.child.exitCode !== null || m.child.signalCode !== null) return resolve();
            const kill = setTimeout(() => m.child.kill('SIGKILL'), CLOSE_GRACE_MS);
            m.child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            if (m.child.connected) m.child.disconnect();
          }),
      ),
    );
  }

  private send(request: EmbedderTask): Promise<number[][]> {
    if (this.closing) return Promise.reject(new ModelUnavailableError('The embedding processes are shut down.'));
    const member = this.members.reduce<Member | undefined>((best, m) => (!best || m.pending.size < best.pending.size ? m : best), undefined);
    if (!member) return Promise.reject(new ModelUnavailableError('No embedding process is running; one is being restarted.'));
    const id = this.nextId++;
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(member, timeoutMs), timeoutMs);
      member.pending.set(id, {
        resolve: (vectors) => {
          clearTimeout(timer);
          resolve(vectors);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      member.child.send({ ...request, id } satisfies EmbedderRequest, (error) => {
        // The channel closed under us: the child is exiting, and its 'exit' fails the rest.
        if (error && member.pending.delete(id)) reject(new ModelUnavailableError('An embedding process stopped; retry.'));
      });
    });
  }

  /** A child that did not answer in time: out of service at once, its requests failed, killed (then replaced on exit). */
  private timedOut(member: Member, timeoutMs: number): void {
    const at = this.members.indexOf(member);
    if (at >= 0) this.members.splice(at, 1);
    const error = new ModelUnavailableError(`An embedding process did not answer within ${timeoutMs} ms; it is being replaced. Retry.`);
    for (const waiting of member.pending.values()) waiting.reject(error);
    member.pending.clear();
    if (!this.closing) this.options.onEvent?.({ type: 'timeout', pid: member.child.pid, timeoutMs });
    member.child.kill('SIGKILL');
  }

  private adopt(member: Member): void {
    this.members.push(member);
    member.child.on('message', (reply: EmbedderReply) => {
      const waiting = member.pending.get(reply.id);
      if (!waiting) return;
      member.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new ModelUnavailableError(`embedding failed: ${reply.error}`));
      else if ('vectors' in reply) waiting.resolve(reply.vectors.map((v) => Array.from(v)));
    });
    // Send failures are handled per request; without a listener they would crash the server.
    member.child.on('error', () => undefined);
    member.child.once('exit', (code, signal) => {
      const at = this.members.indexOf(member);
      if (at >= 0) this.members.splice(at, 1);
      const error = new ModelUnavailableError(`An embedding process stopped (${signal ?? `exit code ${code}`}); retry.`);
      for (const waiting of member.pending.values()) waiting.reject(error);
      member.pending.clear();
      if (this.closing) return;
      this.options.onEvent?.({ type: 'exit', pid: member.child.pid, code, signal });
      if (!this.retiring) this.replace(1_000);
    });
  }

  /** Starts a process in place of one that died; while that fails, tries again, waiting longer each time. */
  private replace(nextDelayMs: number): void {
    spawnMember(this.options).then(
      ({ member }) => (this.retiring ? member.child.kill() : this.adopt(member)),
      (error: Error) => {
        if (this.retiring) return;
        this.options.onEvent?.({ type: 'restart-failed', error: error.message, retryInMs: nextDelayMs });
        setTimeout(() => this.retiring || this.replace(Math.min(nextDelayMs * 2, MAX_RESTART_DELAY_MS)), nextDelayMs).unref();
      },
    );
  }
}

function spawnMember(options: ProcessPoolOptions): Promise<{ member: Member; ready: LoadedModel }> {
  const child = fork(ENTRY, [], {
    env: {
      ...process.env,
      POLICYDESK_MODEL_DIR: options.modelDir,
      POLICYDESK_EMBED_THREADS: String(options.threads ?? 1),
      POLICYDESK_EMBED_BATCH: String(options.batchSize ?? 16),
    },
    // From sources (npm start) the child needs tsx like the server; compiled (npm run build) plain node runs it.
    execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new ModelUnavailableError(`An embedding process did not load the model within ${options.startTimeoutMs ?? 60_000} ms.`));
    }, options.startTimeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new ModelUnavailableError(`An embedding process exited while loading the model (exit code ${code}).`));
    };
    child.once('exit', onExit);
    child.on('message', function first(reply: EmbedderReply) {
      if (reply.id !== 0) return;
      child.off('message', first);
      clearTimeout(timer);
      child.off('exit', onExit);
      if ('ready' in reply) resolve({ member: { child, pending: new Map() }, ready: reply.ready });
      else {
        child.kill();
        reject(new ModelUnavailableError(`An embedding process could not load the model: ${'error' in reply ? reply.error : 'unknown error'}`));
      }
    });
  });
}
