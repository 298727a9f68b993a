// Reads a secret without echoing it; from HABEAS_NEW_PASSWORD or a pipe when not at a terminal.
import { createInterface } from 'node:readline';

export async function readSecret(question: string): Promise<string> {
  if (process.env.HABEAS_NEW_PASSWORD) return process.env.HABEAS_NEW_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // Print the question, then swallow the echo of what is typed.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(`${question}: `);
    output._writeToOutput = () => {};
  }
  return new Promise((resolve) => {
    rl.question(process.stdin.isTTY ? '' : '', (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}
