/** Made by the page's build (scripts/lib/review-page.mjs): dist/rules.json, deflated, in base64. */
declare module 'virtual:page-data' {
  export const COMPILED_RULES: string
}
