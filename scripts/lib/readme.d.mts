export function packageReadme(markdown: string): string
export function imageSources(markdown: string): string[]
export function isLocal(src: string): boolean
