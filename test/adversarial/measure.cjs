// Preloaded (node --require) into a CLI run by the adversarial harness: at exit it
// writes the process's CPU time and peak memory (worker threads included) to the
// file named by RL_MEASURE_OUT. A process killed by the harness writes nothing.
const {writeFileSync} = require('node:fs')

process.on('exit', () => {
  const out = process.env.RL_MEASURE_OUT
  if (!out) return
  const u = process.resourceUsage()
  writeFileSync(out, JSON.stringify({cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024}))
})
