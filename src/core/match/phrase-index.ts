/**
 * A phrase index: compiled phrases in a trie of word slots, so finding every
 * phrase that matches at one word costs the trie nodes on the paths the words
 * take, not the number of phrases. Rule phrases, near-guards and allowed phrases
 * all go through one; a pack of thousands of phrases sharing a first word, or an
 * allow list of thousands of entries, costs no more per word than a few.
 *
 * Two phrases with the same slots (same forms, same case rule) end at the same
 * node, so a node id stands for "this phrase, however it was written".
 */
import type {CompiledPhrase, Slot} from './phrase.js'
import {AFTER_QUOTE, type Token} from './tokens.js'

interface Edge {
  node: Node
  /** The token must be written exactly so (an acronym slot). */
  caseSensitive?: string
}

interface Node {
  id: number
  /** Children by slot key (for building); made when the first child is. */
  children?: Map<string, Node>
  /** Per form, the edges whose slot holds it. */
  byForm?: Map<string, Edge[]>
  /** A `*` slot: any one word. */
  any?: Node
  /** Some phrase ends here. */
  end: boolean
}

const slotKeys = new WeakMap<Slot, string>()
/** By forms: slots share their forms' Map (compiled phrases, word classes), and a Map is only read once made. */
const formsKeys = new WeakMap<Map<string, boolean>, string>()

/** Slots with the same key match the same tokens the same way. */
function slotKey(slot: Slot): string {
  if (slot.any) return '*'
  let key = slotKeys.get(slot)
  if (key === undefined) {
    let forms = formsKeys.get(slot.forms)
    if (forms === undefined) {
      // A loop, not spread and map: no [form, plural] pair made per form (a start keys about 10,000).
      const marked: string[] = []
      slot.forms.forEach((plural, form) => marked.push((plural ? '+' : '-') + form))
      forms = marked.sort().join('\u0000')
      formsKeys.set(slot.forms, forms)
    }
    key = (slot.caseSensitive ?? '') + '\u0000' + forms
    slotKeys.set(slot, key)
  }
  return key
}

export class PhraseIndex<T> {
  private readonly root: Node
  private readonly nodes: Node[] = []
  /** Values by end node id, in the order they were added. */
  private readonly values = new Map<number, T[]>()

  constructor() {
    this.root = this.node()
  }

  private node(): Node {
    const node: Node = {id: this.nodes.length, end: false}
    this.nodes.push(node)
    return node
  }

  /** Add a phrase; returns the id of its end node (the same for phrases with the same slots). */
  add(phrase: CompiledPhrase, value?: T): number {
    let node = this.root
    for (const slot of phrase.slots) {
      const key = slotKey(slot)
      let child = node.children?.get(key)
      if (!child) {
        child = this.node()
        ;(node.children ??= new Map()).set(key, child)
        if (slot.any) node.any = child
        else {
          const byForm = (node.byForm ??= new Map())
          for (const form of slot.forms.keys()) {
            // Most forms lead to one child: an array made with its first edge is sized for it (one made
            // empty grows to 17 slots at its first push), and a start builds thousands of them.
            const edge = {node: child, caseSensitive: slot.caseSensitive}
            const edges = byForm.get(form)
            if (edges) edges.push(edge)
            else byForm.set(form, [edge])
          }
        }
      }
      node = child
    }
    node.end = true
    if (value !== undefined) {
      const list = this.values.get(node.id)
      if (list) list.push(value)
      else this.values.set(node.id, [value])
    }
    return node.id
  }

  /** Number of end-node ids handed out so far (an upper bound, for arrays indexed by id). */
  get size(): number {
    return this.nodes.length
  }

  valuesAt(id: number): readonly T[] {
    return this.values.get(id) ?? EMPTY
  }

  /** Whether some phrase starts with this form. */
  startsWith(norm: string): boolean {
    return this.root.byForm?.has(norm) === true || this.root.any !== undefined
  }

  /**
   * Every phrase end matched by the tokens from `index` on (words joined only by
   * spaces or hyphens, as `matchAt`): `fn(endId, end)` with `end` the index after
   * the match. Paths are followed with an explicit stack: no recursion.
   */
  scan(tokens: readonly Token[], index: number, fn: (id: number, end: number) => void): void {
    // The stack as two parallel arrays, the index's own unless a callback scans it again: nothing allocated
    // per step or per call (this runs for most words of a review).
    const own = !this.scanning
    const nodes: Node[] = own ? this.stackNodes : []
    const ats: number[] = own ? this.stackAts : []
    this.scanning = true
    nodes.push(this.root)
    ats.push(index)
    try {
      this.walk(tokens, index, fn, nodes, ats)
    } finally {
      if (own) {
        this.scanning = false
        nodes.length = 0
        ats.length = 0
      }
    }
  }
  private scanning = false
  private readonly stackNodes: Node[] = []
  private readonly stackAts: number[] = []

  private walk(tokens: readonly Token[], index: number, fn: (id: number, end: number) => void, nodes: Node[], ats: number[]): void {
    while (nodes.length > 0) {
      const node = nodes.pop()!
      const at = ats.pop()!
      const token = tokens[at]
      if (token === undefined || (at > index && token.join === 'break' && !AFTER_QUOTE.has(token))) continue
      const edges = node.byForm?.get(token.norm)
      if (edges) {
        for (const edge of edges) {
          if (edge.caseSensitive !== undefined && token.raw !== edge.caseSensitive) continue
          this.visit(edge.node, at + 1, fn, nodes, ats)
        }
      }
      if (node.any) this.visit(node.any, at + 1, fn, nodes, ats)
    }
  }

  /**
   * For each token, the furthest end of a phrase starting at or before it: a match
   * [start, end) lies inside one of the phrases when `reach[start] >= end`.
   */
  reach(tokens: readonly Token[]): Int32Array {
    const reach = new Int32Array(tokens.length).fill(-1)
    for (let i = 0; i < tokens.length; i++) {
      if (this.startsWith(tokens[i].norm)) {
        this.scan(tokens, i, (_id, end) => {
          if (end > reach[i]) reach[i] = end
        })
      }
      if (i > 0 && reach[i - 1] > reach[i]) reach[i] = reach[i - 1]
    }
    return reach
  }

  private visit(node: Node, end: number, fn: (id: number, end: number) => void, nodes: Node[], ats: number[]) {
    if (node.end) fn(node.id, end)
    if (node.children !== undefined) {
      nodes.push(node)
      ats.push(end)
    }
  }
}

const EMPTY: readonly never[] = []
