/**
 * Word .docx → paragraphs, through mammoth (a maintained converter). Each
 * paragraph (body text, headings, list items, table cells) is one entry, in
 * document order; empty paragraphs are kept so numbers match what a reader counts
 * with the empty lines. Line breaks inside a paragraph become spaces, tabs stay.
 * mammoth reads the document (tracked deletions left out); we walk its document
 * model through `transformDocument` rather than its raw-text output, which runs
 * the words either side of a line break together.
 */
import mammoth from 'mammoth'

interface DocElement {
  type: string
  value?: string
  children?: DocElement[]
}

export async function docxParagraphs(buffer: Buffer): Promise<string[]> {
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
