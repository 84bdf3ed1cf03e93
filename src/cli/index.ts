/** Entry point of the `recovery-lint` command (and of its worker threads). */
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {DEFAULT_MAX_BYTES} from '../node/read-document.js'
import {run} from './run.js'
import {WORKER_ENV, workerMain, workerProcessMain, type WorkerInit} from './workers.js'

declare const RECOVERY_LINT_VERSION: string
declare const __filename: string | undefined

/** Standard input, read no further than one byte past the document size limit (`cat /dev/zero | recovery-lint -`). */
const readStdin = async () => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
    if (size > DEFAULT_MAX_BYTES) {
      process.stdin.destroy()
      break
    }
  }
  return Buffer.concat(chunks)
}

if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.recoveryLintWorker) {
  const port = parentPort
  workerMain(port, workerData as WorkerInit, () => port.close())
} else if (process.env[WORKER_ENV] === '1' && process.send) {
  // A worker process of a batch (src/cli/workers.ts): it must not start workers of its own.
  delete process.env[WORKER_ENV]
  workerProcessMain()
} else {
  // `recovery-lint … | head`: a closed pipe ends the run quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  run(
    process.argv.slice(2),
    {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      readStdin,
      isTty: Boolean(process.stdout.isTTY),
      stderrIsTty: Boolean(process.stderr.isTTY),
      cwd: process.cwd(),
      env: process.env,
      // Only the bundle (CommonJS, one file) can start itself as a worker.
      workerEntry: typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined
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
}
