/**
 * How the build writes compiled data into dist/rules.json more compactly (the
 * package's size is a target), and how a start reads it back exactly:
 * - a word's forms: a form that extends the first one is written as `-` and the
 *   rest ("moving", "-s", "-ed" for "moving movings movinged"); a form never starts
 *   with `-` (the build checks);
 * - a sorted list of strings, front-coded: each one as the length (0–9) of the prefix
 *   it shares with the one before, then the rest ("role model", "9s" for "role models").
 */
const MARK = '-'

/** The first form as it is, each later one that extends it as MARK + its rest. */
export function packForms(forms: string[]): string[] {
  const base = forms[0] ?? ''
  return forms.map((form, i) => {
    if (form.startsWith(MARK)) throw new Error(`a word form starts with "${MARK}": ${form}`)
    return i > 0 && base.length > 0 && form.length > base.length && form.startsWith(base) ? MARK + form.slice(base.length) : form
  })
}

/** Undo packForms. */
export function unpackForms(packed: string[]): string[] {
  const base = packed[0] ?? ''
  return packed.map((form, i) => (i > 0 && form.startsWith(MARK) ? base + form.slice(MARK.length) : form))
}

/** Front-code a list (sorted, so neighbours share prefixes). */
export function frontCode(list: string[]): string[] {
  let previous = ''
  return list.map((s) => {
    let shared = 0
    while (shared < 9 && shared < previous.length && shared < s.length && previous[shared] === s[shared]) shared++
    previous = s
    return shared + s.slice(shared)
  })
}

/** Undo frontCode. */
export function frontDecode(coded: string[]): string[] {
  let previous = ''
  return coded.map((c) => (previous = previous.slice(0, Number(c[0])) + c.slice(1)))
}

/** Sort a list of items by a text, and say where each old index went (to renumber references to them). */
export function sortedBy<T>(items: T[], text: (item: T) => string): {sorted: T[]; newIndex: number[]} {
  const order = items.map((_, i) => i).sort((a, b) => (text(items[a]) < text(items[b]) ? -1 : text(items[a]) > text(items[b]) ? 1 : a - b))
  const newIndex: number[] = []
  order.forEach((old, i) => (newIndex[old] = i))
  return {sorted: order.map((i) => items[i]), newIndex}
}
