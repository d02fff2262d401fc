/**
 * Fixed rule slots, as ISP DSL gateways keep their virtual servers (TrendChip firmware: ten
 * entries, each written in place by number). Tracks which stored rule sits in which slot; the
 * router server decides what a write does.
 */
export class RuleSlots {
  /** rule id -> slot number */
  private readonly slotOf = new Map<number, number>();

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1) throw new Error(`slots must be a whole number above 0, got ${count}`);
  }

  has(slot: number): boolean {
    return Number.isInteger(slot) && slot >= 0 && slot < this.count;
  }

  /** The id of the rule in `slot`, if any. */
  occupant(slot: number): number | undefined {
    for (const [id, s] of this.slotOf) if (s === slot) return id;
    return undefined;
  }

  slotOfRule(id: number): number | undefined {
    return this.slotOf.get(id);
  }

  freeSlot(): number | undefined {
    for (let s = 0; s < this.count; s++) if (this.occupant(s) === undefined) return s;
    return undefined;
  }

  put(slot: number, id: number): void {
    const old = this.occupant(slot);
    if (old !== undefined) this.slotOf.delete(old);
    this.slotOf.set(id, slot);
  }

  /**
   * After the stored rules changed: forget the slots of rules that are gone, and give each rule
   * without a slot the lowest free one, in order. Throws when they do not fit.
   */
  place(ids: number[]): void {
    const alive = new Set(ids);
    for (const id of [...this.slotOf.keys()]) if (!alive.has(id)) this.slotOf.delete(id);
    for (const id of ids) {
      if (this.slotOf.has(id)) continue;
      const free = this.freeSlot();
      if (free === undefined) throw new Error(`${ids.length} rules do not fit in ${this.count} slots`);
      this.slotOf.set(id, free);
    }
  }

  clear(): void {
    this.slotOf.clear();
  }
}
