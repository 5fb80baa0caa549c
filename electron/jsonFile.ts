// A JSON file the user points the CLI at (or standard input for "-"), or an error naming the file,
// what is wrong and where to start from.
import { readFileSync } from 'node:fs';
import { AppError } from '../shared/domain/errors';

export function readJsonFile(file: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new AppError('not_found', `Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('invalid_input', `${file} is not valid JSON: ${(e as Error).message}`, {
      where: { file },
      hint,
    });
  }
}
