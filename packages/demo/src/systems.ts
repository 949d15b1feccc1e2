import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, maybeFail } from './failures';
import type { Random } from './random';

/** One repository as the simulated systems know it. */
export interface Item {
  readonly id: string;
  readonly revision: number;
}

/** A simulated source system (a registry or git host) whose contents drift over time. */
export class SourceSystem {
  private readonly items = new Map<string, number>();
  private nextId = 0;

  constructor(
    readonly name: string,
    private readonly random: Random,
    private readonly medianLatencyMs: number,
    private readonly failureRate: () => number,
  ) {
    for (let i = 0; i < 40; i++) this.items.set(this.newId(), 1);
  }

  private newId(): string {
    return `${this.name}/repo-${this.nextId++}`;
  }

  /** Random activity between cycles: repositories are created, pushed to and deleted. */
  drift(): void {
    for (let i = this.random.int(0, 4); i > 0; i--) this.items.set(this.newId(), 1);
    for (const [id, revision] of this.items) {
      if (this.random.next() < 0.08) this.items.set(id, revision + 1);
      else if (this.random.next() < 0.02) this.items.delete(id);
    }
  }

  /** Lists the repositories (one remote call). */
  async list(): Promise<Item[]> {
    await sleep(this.random.latencyMs(this.medianLatencyMs));
    maybeFail(this.random, this.failureRate(), `list ${this.name}`);
    return [...this.items].map(([id, revision]) => ({ id, revision }));
  }
}

/** The simulated target (a mirror) that receives the copies. */
export class TargetSystem {
  readonly items = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly medianLatencyMs: number,
    private readonly failureRate: () => number,
  ) {}

  /** Writes one item (one remote call); may fail or report a conflict. */
  async put(item: Item): Promise<'created' | 'updated'> {
    await sleep(this.random.latencyMs(this.medianLatencyMs));
    maybeFail(this.random, this.failureRate() / 2, `put ${item.id}`);
    if (this.random.next() < this.failureRate() / 4) throw new ConflictError(`conflict on ${item.id}`);
    const existed = this.items.has(item.id);
    this.items.set(item.id, item.revision);
    return existed ? 'updated' : 'created';
  }

  /** Deletes one item (one remote call). */
  async remove(id: string): Promise<void> {
    await sleep(this.random.latencyMs(this.medianLatencyMs / 2));
    this.items.delete(id);
  }
}
