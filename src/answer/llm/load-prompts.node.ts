import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAnswerPrompts, type AnswerPrompts } from './answer-prompts.js';
import { ConfigError } from '../../core/errors.js';

/** The template files in `prompts/`, by role. */
export const PROMPT_FILES = { system: 'answer.system.md', user: 'answer.user.md' } as const;

/** Reads and checks the answer prompt templates; a missing or broken file fails with its path. */
export async function loadPrompts(dir = 'prompts'): Promise<AnswerPrompts> {
  const read = async (file: string) => {
    const path = join(dir, file);
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read prompt template ${path}: ${(error as Error).message}`);
    }
  };
  const [system, user] = await Promise.all([read(PROMPT_FILES.system), read(PROMPT_FILES.user)]);
  return parseAnswerPrompts({ system, user }, dir);
}
