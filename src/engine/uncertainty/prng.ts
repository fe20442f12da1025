/**
 * A small seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counter), its 128-bit state
 * filled by splitmix32 from one 32-bit seed, so a run is reproducible from its seed alone.
 */

/**
 * Uniform numbers in [0, 1) from a 32-bit seed (other integers are taken modulo 2^32).
 * @example seededRandom(42)() === seededRandom(42)() // returns true
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as sfc32's author recommends
  return next;
}
