import { open, readFile, truncate } from 'node:fs/promises';

/** Truncates the file after its last newline, syncing the cut; returns the bytes dropped (0 when whole or missing). */
export async function cutTornTail(path: string): Promise<number> {
  let text: Buffer;
  try {
    text = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (text.length === 0 || text[text.length - 1] === 0x0a) return 0;
  const keep = text.lastIndexOf(0x0a) + 1;
  await truncate(path, keep);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return text.length - keep;
}
