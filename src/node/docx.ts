/**
 * Word .docx → paragraphs, through mammoth (a maintained converter). Each
 * paragraph (body text, headings, list items, table cells) is one entry, in
 * document order; empty paragraphs are kept so numbers match what a reader counts
 * with the empty lines. Line breaks inside a paragraph become spaces, tabs stay.
 * mammoth reads the document (tracked deletions left out); we walk its document
 * model through `transformDocument` rather than its raw-text output, which runs
 * the words either side of a line break together.
 */

interface DocElement {
  type: string
  value?: string
  children?: DocElement[]
}

export async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  // Loaded when a Word document comes along (the build puts it in a file of its own, dist/mammoth.cjs).
  const {default: mammoth} = await import('mammoth')
  const paragraphs: string[] = []
  const textOf = (element: DocElement): string => {
    if (element.type === 'text') return element.value ?? ''
    if (element.type === 'tab') return '\t'
    if (element.type === 'break') return ' '
    return (element.children ?? []).map(textOf).join('')
  }
  const walk = (element: DocElement) => {
    if (element.type === 'paragraph') paragraphs.push(textOf(element).replace(/[\r\n]+/g, ' '))
    else for (const child of element.children ?? []) walk(child)
  }
  await mammoth.convertToHtml(
    {buffer},
    {
      transformDocument: (document: DocElement) => {
        walk(document)
        return document
      }
    }
  )
  return paragraphs
}
