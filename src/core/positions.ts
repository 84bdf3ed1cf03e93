import {keepShape} from './shapes.js'

/** Offsets ↔ 1-based line/column (UTF-16 code units, as VS Code counts). */
export interface Point {
  line: number
  column: number
  offset: number
}

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0]

  constructor(readonly text: string) {
    // Line endings as micromark and VS Code see them: \n, \r\n, and a lone \r.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.starts.push(i + 1)
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1)
    }
  }

  /** The 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  point(offset: number): Point {
    const line = this.lineOf(offset)
    return {line: line + 1, column: offset - this.starts[line] + 1, offset}
  }

  lineStart(line1: number): number {
    return this.starts[line1 - 1] ?? this.text.length
  }

  get lineCount(): number {
    return this.starts.length
  }
}
keepShape(new LineIndex(''))
