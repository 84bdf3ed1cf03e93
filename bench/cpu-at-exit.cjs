// Preloaded (node --require) into a process the bench measures: at exit it appends
// its own CPU time (user + system, all threads, ms) to the file in BENCH_CPU_FILE.
const {appendFileSync} = require('node:fs')
process.on('exit', () => {
  const {user, system} = process.cpuUsage()
  if (process.env.BENCH_CPU_FILE) appendFileSync(process.env.BENCH_CPU_FILE, `${(user + system) / 1000}\n`)
})
