/** Entry point of the `recovery-lint` command. */
import {run} from './run.js'

declare const RECOVERY_LINT_VERSION: string

const readStdin = async () => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

run(
  process.argv.slice(2),
  {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin,
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env
  },
  typeof RECOVERY_LINT_VERSION === 'string' ? RECOVERY_LINT_VERSION : '0.0.0-dev'
).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`recovery-lint: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exitCode = 2
  }
)
