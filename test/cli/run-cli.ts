import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a command printed and how it ended. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's command lines (`cli/NAME.ts`) for real, in a child process. */
export function runCli(script: string, ...args: string[]): Promise<Outcome> {
  return runCliWith({}, script, ...args);
}

/** As runCli, with these environment variables set over the test's own. */
export async function runCliWith(
  env: Record<string, string>,
  script: string,
  ...args: string[]
): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
