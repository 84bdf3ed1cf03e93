/**
 * The five categories as people read them: title, description and the
 * principles each serves. The built-in rule packs own these facts (each pack's
 * top level); everything that shows a category (rule pages, reports, the
 * editor's status bar) asks here.
 */
import {CATEGORIES, type CategoryId, type RulePack} from './types.js'

export interface CategoryInfo {
  id: CategoryId
  title: string
  description: string
  principles: string[]
}

/** Every category, in the fixed order, with what the first pack that describes it says. */
export function categoriesOf(packs: readonly RulePack[]): CategoryInfo[] {
  return CATEGORIES.map((id) => {
    const pack = packs.find((p) => p.category === id && p.title)
    return {id, title: pack?.title ?? id, description: pack?.description ?? '', principles: pack?.principles ?? []}
  })
}
