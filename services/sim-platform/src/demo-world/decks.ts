import type { Prng } from './prng.js';

/**
 * Draws items in shuffled order and reshuffles only when all have been used, so every template
 * appears before any repeats: the demo covers each case, and posts vary across accounts.
 */
export class Deck<T> {
  private pile: T[] = [];

  constructor(
    private readonly prng: Prng,
    private readonly items: readonly T[],
  ) {
    if (items.length === 0) throw new Error('a deck needs items');
  }

  /** The next acceptable item; when none is left in the pile, starts a fresh shuffle. */
  draw(accept: (item: T) => boolean = () => true): T {
    for (const fresh of [false, true]) {
      if (fresh || this.pile.length === 0) this.pile = this.prng.shuffle(this.items);
      const index = this.pile.findLastIndex(accept);
      if (index >= 0) return this.pile.splice(index, 1)[0]!;
    }
    throw new Error('no item in the deck is acceptable');
  }
}
