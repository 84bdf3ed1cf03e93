/** One readable line from Ajv's errors: the key that is wrong and what it should be. */
import type {ErrorObject} from 'ajv'

export function describeSchemaError(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid'
  // Prefer the most specific error (deepest path); enum beats the oneOf/anyOf noise around it.
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b))[0]
  const key = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
  const where = key ? `\`${key}\`` : 'the top level'
  switch (e.keyword) {
    case 'additionalProperties':
      return `${key ? where + ': ' : ''}unknown key \`${(e.params as {additionalProperty: string}).additionalProperty}\``
    case 'enum':
      return `${where} must be one of ${(e.params as {allowedValues: unknown[]}).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    case 'required':
      return `${where}: missing \`${(e.params as {missingProperty: string}).missingProperty}\``
    case 'propertyNames':
      return `${where}: invalid key \`${(e.params as {propertyName: string}).propertyName}\``
    default:
      return `${where} ${e.message ?? 'is invalid'}`
  }
}

function rank(e: ErrorObject): number {
  return e.keyword === 'enum' || e.keyword === 'additionalProperties' || e.keyword === 'required' ? 0 : 1
}
