/**
 * New w:id values for comments and revisions. They must collide with no id in
 * use (comments, revisions, bookmarks share no namespace in every reader, so we
 * avoid them all) and stay within ST_DecimalNumber, a 32-bit int: above the
 * highest id when there is room, else in the gaps below it.
 */
import type {DocxModel} from './model.js'

export const MAX_ID = 2147483647

export type IdAllocator = () => number

export function idAllocator(model: Pick<DocxModel, 'maxId' | 'xml' | 'stories'>): IdAllocator {
  let next = model.maxId + 1
  let used: Set<number> | undefined
  let gap = 0
  return () => {
    if (next <= MAX_ID) return next++
    if (!used) {
      used = new Set()
      for (const [part, xml] of model.xml) {
        const wp = model.stories.get(part)?.prefix ?? 'w'
        for (const m of xml.matchAll(new RegExp(`\\s${wp ? wp + ':' : ''}id\\s*=\\s*"(\\d+)"`, 'g'))) used.add(Number(m[1]))
      }
    }
    while (used.has(gap)) gap++
    used.add(gap)
    return gap++
  }
}

/**
 * A run's properties copied onto a new piece of a split run (or an insertion): a
 * tracked formatting change inside them (w:rPrChange) gets a new id, so no
 * revision id is used twice.
 */
export function copyRunProperties(rPr: string, wp: string, newId: IdAllocator): string {
  return rPr.includes('Change') ? rPr.replace(new RegExp(`(\\s${wp}id\\s*=\\s*")\\d+(")`, 'g'), (_m, a: string, b: string) => `${a}${newId()}${b}`) : rPr
}
