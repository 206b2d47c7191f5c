// Chrome's managed_schema.json and the zod policy keys name the same keys with the same kinds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyKeys } from '../../src/shared/policy';
import { z } from '../../src/shared/zod';

const schema = JSON.parse(
  readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
) as {
  properties: Record<string, { type: string; enum?: string[] }>;
};

describe('managed_schema.json', () => {
  it('has exactly the policy keys', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(policyKeys).sort());
  });
  it.each(Object.keys(policyKeys))('%s has the same type as in zod', (key) => {
    const json = z.toJSONSchema(policyKeys[key as keyof typeof policyKeys], {
      io: 'input',
      unrepresentable: 'any',
    }) as {
      type?: string;
      enum?: string[];
    };
    const chrome = schema.properties[key]!;
    const expected = json.type === 'integer' ? 'integer' : (json.type ?? 'string');
    expect(chrome.type).toBe(expected);
    if (json.enum) expect(chrome.enum).toEqual(json.enum);
  });
});
