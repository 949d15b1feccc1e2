import type { AttributeValue } from '@opentelemetry/api';
import fc from 'fast-check';

// Generators of what OTLP messages carry, for the encoder's equality tests against the upstream serializers.

/** Strings with multi-byte characters and lone surrogates, short and long (one- and two-byte lengths). */
export const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', 'a', 'é', '✓'), maxLength: 10 }),
  fc.string({ minLength: 120, maxLength: 300 }),
);
/** Attribute scalars, including integers beyond 2^53 and at the varint and int64 boundaries. */
export const scalar = fc.oneof(
  text,
  fc.boolean(),
  fc.integer(),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.double(),
  fc.constantFrom(2 ** 63, -(2 ** 63), 2 ** 62, -1, 0, 127, 128, 16_383, 16_384, 2 ** 32, 2 ** 35),
);
/** Attribute values: scalars and homogeneous arrays (with nulls). */
export const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  scalar as fc.Arbitrary<AttributeValue>,
  fc.array(text, { maxLength: 4 }),
  fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 4 }) as fc.Arbitrary<AttributeValue>,
  fc.array(fc.double(), { maxLength: 3 }),
  fc.array(fc.boolean(), { maxLength: 3 }),
);
/** Attribute maps of up to eight keys. */
export const attributes = fc.dictionary(text, value, { maxKeys: 8 });
