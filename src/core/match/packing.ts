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

/**
 * Keys that a start can mostly derive from the packs themselves (the rules' phrases,
 * the class entries): the build stores only those it cannot (`extra`), and the
 * derivable ones that are not keys (`missing`), both front-coded.
 */
export interface StoredKeys {
  extra: string[]
  missing: string[]
}

export function storeKeys(keys: Iterable<string>, derivable: Iterable<string>): StoredKeys {
  const own = new Set(keys)
  const derived = new Set(derivable)
  return {extra: frontCode([...own].filter((k) => !derived.has(k)).sort()), missing: frontCode([...derived].filter((k) => !own.has(k)).sort())}
}

/** The keys, sorted, from what a start derives and what the build stored. */
export function restoreKeys(stored: StoredKeys, derivable: Iterable<string>): string[] {
  const missing = new Set(frontDecode(stored.missing))
  return [...new Set([...[...derivable].filter((k) => !missing.has(k)), ...frontDecode(stored.extra)])].sort()
}
