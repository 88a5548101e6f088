/**
 * A zip written by hand (no library), for the hostile files the importers' tests and fuzz benchmarks
 * feed them: archives a library would refuse to write (thousands of entries, a part that inflates to
 * hundreds of MB) or takes too long to (deflating 200 MB in JavaScript). Each part is deflated with
 * node:zlib (or stored) behind its local header, then the central directory and its end record.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** How the parts are packed: deflated at `level` (1 fastest … 9 smallest), or stored as they are. */
interface HandZipOptions {
  deflate?: boolean;
  level?: number;
}

/** The zip of `parts` (name → text in UTF-8, or bytes), in the order given. */
export function handWrittenZip(
  parts: Readonly<Record<string, string | Uint8Array>>,
  options: HandZipOptions = {},
): Uint8Array {
  const deflate = options.deflate ?? true;
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const raw =
      typeof data === "string"
        ? Buffer.from(data, "utf8")
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const body = deflate ? deflateRawSync(raw, { level: options.level ?? 6 }) : raw;
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(deflate ? 8 : 0, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(parts).length;
  end.writeUInt16LE(Math.min(count, 0xfffe), 8);
  end.writeUInt16LE(Math.min(count, 0xfffe), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
