import { readFileSync } from 'node:fs';
import { IndexMismatchError } from '../core/errors.js';

/**
 * Reads one JSON file of a built index. A file cut short (a full disk, a copy interrupted) or
 * otherwise unreadable fails with its path and the command that rebuilds it, rather than with
 * JSON.parse's bare "Unterminated string in JSON at position 32145".
 */
export function readIndexJson<T>(path: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IndexMismatchError(`Cannot read the index file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new IndexMismatchError(`The index file ${path} is truncated or corrupt (${(error as Error).message}; ${text.length} bytes).`);
  }
}
