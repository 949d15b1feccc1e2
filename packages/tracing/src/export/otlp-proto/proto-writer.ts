/** Nibble of each hex digit's char code (0-9, a-f, A-F); other characters read as 0. */
const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[97 + i] = 10 + i;
  NIBBLE[65 + i] = 10 + i;
}

/** Bytes of the shortest varint encoding of an unsigned 32-bit value. */
function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Size of the shared buffers of {@link ProtoWriter.startRecord}, and the room a message starts with. */
const SLAB_SIZE = 64 * 1024;
const SLAB_MIN_FREE = 4 * 1024;

/** A string's length in the longest case of UTF-8 (three bytes per UTF-16 unit). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * A protocol-buffers writer that encodes a message in one pass into one growing buffer. A nested
 * message's length is written before its content: {@link ProtoWriter.begin} reserves the bytes the
 * caller expects the length to take, {@link ProtoWriter.end} writes it and moves the content when the
 * guess was wrong, so the output always uses the shortest varints, as every protobuf encoder does.
 * Each message gets a buffer of its own, sized from the previous message (the transport holds on to
 * it until the export and its retries are over), so {@link ProtoWriter.finish} copies nothing.
 * @internal
 */
export class ProtoWriter {
  private buf: Buffer = Buffer.allocUnsafe(0);
  private pos = 0;
  private lastSize = 4096;

  /** Starts a new message in a fresh buffer. */
  reset(): void {
    this.buf = Buffer.allocUnsafe(this.lastSize + (this.lastSize >>> 3));
    this.pos = 0;
  }

  /** The bytes written since {@link reset}. */
  finish(): Uint8Array {
    this.lastSize = Math.max(4096, this.pos);
    return this.buf.subarray(0, this.pos);
  }

  /**
   * Slab use, instead of {@link reset}/{@link finish}: messages written one after another into shared
   * buffers of 64 KiB, each handed out as a view ({@link takeRecord}). Returns where the next one
   * starts, in a fresh slab when less than 4 KiB is left (a longer message grows the slab).
   */
  startRecord(): number {
    if (this.buf.length - this.pos < SLAB_MIN_FREE) {
      this.buf = Buffer.allocUnsafe(SLAB_SIZE);
      this.pos = 0;
    }
    return this.pos;
  }

  /** The message written since {@link startRecord} returned `start`, as a view of the slab. */
  takeRecord(start: number): Uint8Array {
    return this.buf.subarray(start, this.pos);
  }

  /** Forgets what was written since {@link startRecord} returned `start`. */
  abandonRecord(start: number): void {
    this.pos = start;
  }

  /** Makes room for `bytes` more. */
  ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** A field's key: `field << 3 | wireType` as a varint (fields 1-15 take one byte). */
  tag(field: number, wireType: number): void {
    const key = (field << 3) | wireType;
    if (key > 0x7f) {
      this.varint32(key);
      return;
    }
    this.ensure(1);
    this.buf[this.pos++] = key;
  }

  /** An unsigned value below 2^32 as a varint. */
  varint32(value: number): void {
    this.ensure(5);
    const buf = this.buf;
    let v = value >>> 0;
    while (v > 0x7f) {
      buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[this.pos++] = v;
  }

  /**
   * An integer in [-2^63, 2^63) as an int64 varint: two's complement, so a negative value takes ten
   * bytes. Beyond 2^53 the value is what the double holds.
   */
  varint64(value: number): void {
    if (value >= 0 && value <= 0xffffffff) {
      this.varint32(value);
      return;
    }
    let low: number;
    let high: number;
    const abs = Math.abs(value);
    low = abs >>> 0;
    high = Math.floor(abs / 0x100000000) >>> 0;
    if (value < 0) {
      low = ~low >>> 0;
      high = ~high >>> 0;
      low = (low + 1) >>> 0;
      if (low === 0) high = (high + 1) >>> 0;
    }
    this.ensure(10);
    const buf = this.buf;
    while (high > 0 || low > 0x7f) {
      buf[this.pos++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    buf[this.pos++] = low;
  }

  /** Four bytes, little-endian. */
  fixed32(value: number): void {
    this.ensure(4);
    this.put32(value >>> 0);
  }

  /** Eight bytes, little-endian, from the low and high 32 bits. */
  fixed64(low: number, high: number): void {
    this.ensure(8);
    this.put32(low >>> 0);
    this.put32(high >>> 0);
  }

  private put32(v: number): void {
    const buf = this.buf;
    const p = this.pos;
    buf[p] = v & 0xff;
    buf[p + 1] = (v >>> 8) & 0xff;
    buf[p + 2] = (v >>> 16) & 0xff;
    buf[p + 3] = v >>> 24;
    this.pos = p + 4;
  }

  /**
   * An `[seconds, nanoseconds]` time as fixed64 nanoseconds since the epoch. The product exceeds 2^53,
   * so it is built from 16-bit halves of the seconds, each exact in a double.
   */
  hrTime(time: readonly [number, number]): void {
    const seconds = time[0];
    const highPart = Math.floor(seconds / 0x10000) * 1e9; // × 2^16 below; < 2^46
    const lowPart = (seconds % 0x10000) * 1e9 + time[1]; // < 2^47
    const highPartLow = (highPart % 0x10000) * 0x10000; // < 2^32
    const lowSum = highPartLow + (lowPart % 0x100000000);
    const low = lowSum % 0x100000000;
    const high =
      Math.floor(highPart / 0x10000) + Math.floor(lowPart / 0x100000000) + Math.floor(lowSum / 0x100000000);
    this.fixed64(low, high);
  }

  /** A double, little-endian. */
  double(value: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  /** A length-delimited string, UTF-8 (lone surrogates become U+FFFD, as `TextEncoder` writes them). */
  string(value: string): void {
    const length = value.length;
    if (length < 0x80) {
      // One length byte unless non-ASCII characters push the bytes past 127.
      this.ensure(1 + length * MAX_UTF8_PER_UNIT);
      const buf = this.buf;
      const start = this.pos;
      let p = start + 1;
      for (let i = 0; i < length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) {
          this.pos = start;
          this.utf8(value);
          return;
        }
        buf[p++] = c;
      }
      buf[start] = length;
      this.pos = p;
      return;
    }
    this.utf8(value);
  }

  private utf8(value: string): void {
    const bytes = Buffer.byteLength(value, 'utf8');
    this.varint32(bytes);
    this.ensure(bytes);
    this.pos += this.buf.write(value, this.pos, bytes, 'utf8');
  }

  /** Length-delimited raw bytes. */
  bytes(value: Uint8Array): void {
    this.varint32(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  /** A hex ID (trace or span ID) as its bytes, length-delimited. */
  hexBytes(hex: string): void {
    const n = hex.length >>> 1;
    this.ensure(5 + n);
    this.varint32(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < hex.length - 1; i += 2) {
      buf[p++] = (NIBBLE[hex.charCodeAt(i) & 0x7f]! << 4) | NIBBLE[hex.charCodeAt(i + 1) & 0x7f]!;
    }
    this.pos = p;
  }

  /**
   * Starts a nested message, leaving `reserve` bytes for its length (1 for up to 127 bytes, 2 up to
   * 16 KiB, 3 up to 2 MiB). Returns the mark {@link end} needs.
   */
  begin(reserve: number): number {
    this.ensure(reserve);
    const mark = this.pos;
    this.pos += reserve;
    return mark * 8 + reserve;
  }

  /** Ends the nested message begun at `mark`: writes its length, moving the content if needed. */
  end(mark: number): void {
    const reserve = mark & 7;
    const at = (mark - reserve) / 8;
    const contentStart = at + reserve;
    const length = this.pos - contentStart;
    const size = varintSize(length);
    if (size !== reserve) {
      this.ensure(size - reserve);
      this.buf.copy(this.buf, at + size, contentStart, this.pos);
      this.pos += size - reserve;
    }
    const buf = this.buf;
    let p = at;
    let v = length;
    while (v > 0x7f) {
      buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[p] = v;
  }
}
