import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GC_HELPER_FLAGS, LOW_MEMORY_FLAGS, POOL_FLAGS, gcPolicyFlags } from '../src/gc-policy.js';

describe('gcPolicyFlags: V8 flags set before the pool starts (issue 5)', () => {
  it('turns the GC helper threads off when the workers take every core', () => {
    expect(gcPolicyFlags({ threads: 2, cores: 2, lowMemory: false, nodeMajor: 20 })).toEqual([...POOL_FLAGS, ...GC_HELPER_FLAGS]);
    expect(gcPolicyFlags({ threads: 8, cores: 4, lowMemory: false, nodeMajor: 20 })).toEqual([...POOL_FLAGS, ...GC_HELPER_FLAGS]);
  });

  it('keeps the helpers when a core is left for them (pretenuring stays off for every pool)', () => {
    expect(gcPolicyFlags({ threads: 1, cores: 2, lowMemory: false, nodeMajor: 20 })).toEqual([...POOL_FLAGS]);
  });

  it('adds the heap growth limit for --low-memory, whatever the thread count', () => {
    expect(gcPolicyFlags({ threads: 1, cores: 2, lowMemory: true, nodeMajor: 20 })).toEqual([...POOL_FLAGS, ...LOW_MEMORY_FLAGS]);
    expect(gcPolicyFlags({ threads: 2, cores: 2, lowMemory: true, nodeMajor: 20 })).toEqual([...POOL_FLAGS, ...GC_HELPER_FLAGS, ...LOW_MEMORY_FLAGS]);
  });

  it('sets nothing on a Node version whose V8 was not checked (a wrong flag there aborts the process)', () => {
    expect(gcPolicyFlags({ threads: 2, cores: 2, lowMemory: true, nodeMajor: 22 })).toEqual([]);
  });

  it('names only flags this V8 knows', () => {
    // setFlagsFromString ignores unknown names silently; `node --v8-options` is the list V8 accepts.
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const known = new Set([...options.matchAll(/^\s+--([\w-]+)/gm)].map((match) => match[1]));
    for (const flag of [...POOL_FLAGS, ...GC_HELPER_FLAGS, ...LOW_MEMORY_FLAGS]) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      expect(known.has(name), flag).toBe(true);
    }
  });
});
