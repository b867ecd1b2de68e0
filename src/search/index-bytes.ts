/**
 * Where an index's bytes come from: the whole file in memory (the app, which shares them with
 * its answer workers), or the file read piece by piece (the command-line tools). At 10,000
 * articles the file is 235 MB, of which postings and passages are 220 MB: a command that
 * answers one question reads the 16 MB before them and then only the pieces it asks for.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface IndexBytes {
  /** The file's length in bytes. */
  readonly length: number;
  /** Bytes `start` to `end` (a view of memory, or a fresh read). */
  read(start: number, end: number): Buffer;
  /** Every byte, in memory. */
  whole(): Buffer;
}

export function bytesInMemory(bytes: Buffer): IndexBytes {
  return { length: bytes.length, read: (start, end) => bytes.subarray(start, end), whole: () => bytes };
}

/** Closes a file when the reader that holds it is collected (a shell or a test may open many). */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The file at `path`: its first `headerLength` bytes are read, then its first
 * `headLength(header, fileLength)` bytes are kept in memory and the rest read when asked for.
 * The descriptor stays open: an index rebuilt meanwhile is renamed into place, so this one goes
 * on reading the file it opened.
 */
export function openIndexBytes(path: string, headerLength: number, headLength: (header: Buffer, fileLength: number) => number): IndexBytes {
  const fd = openSync(path, 'r');
  try {
    const length = fstatSync(fd).size;
    const readAt = (start: number, end: number): Buffer => {
      const out = Buffer.allocUnsafe(Math.max(0, end - start));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, start + done);
        if (n === 0) throw new Error(`the index file ended at ${start + done} of ${length} bytes`);
        done += n;
      }
      return out;
    };
    const header = readAt(0, Math.min(length, headerLength));
    const head = readAt(0, Math.min(length, Math.max(header.length, headLength(header, length))));
    const source: IndexBytes = {
      length,
      read: (start, end) => (end <= head.length ? head.subarray(start, end) : readAt(start, end)),
      whole: () => readAt(0, length),
    };
    openFiles.register(source, fd);
    return source;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
