/**
 * The review page's link to its engine: the engine's text is in the page
 * (<script id="engine" type="text/plain">), started as a worker from a blob: URL,
 * so reviewing never blocks the page. Where a browser refuses workers from a page
 * opened from disk, the same script runs on the page's thread against a stand-in
 * for the worker's scope (engine.ts talks to either).
 */
import type {Request, Response} from './protocol.js'

export type RequestBody = Request extends infer R ? (R extends {id: number} ? Omit<R, 'id'> : never) : never

export interface EngineLink {
  /** Send a request; `review` marks one whose answer is a review (only the newest is shown). */
  send(body: RequestBody, review: boolean, transfer?: Transferable[]): void
  /** Whether an answer with this id is the newest review asked for. */
  isLatestReview(id: number): boolean
}

export function connectEngine(source: string, onMessage: (r: Response) => void, onCrash: (message: string) => void): EngineLink {
  const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}))
  let post: (request: Request, transfer?: Transferable[]) => void
  try {
    const worker = new Worker(url, {name: 'recovery-lint engine'})
    worker.onmessage = (e: MessageEvent<Response>) => onMessage(e.data)
    worker.onerror = (e) => onCrash(e.message)
    post = (request, transfer) => worker.postMessage(request, transfer ?? [])
  } catch {
    const scope: {onmessage: ((e: {data: Request}) => void) | null; postMessage(m: Response): void} = {
      onmessage: null,
      postMessage: (m) => setTimeout(() => onMessage(m), 0)
    }
    ;(window as unknown as {__recoveryLintEngineScope: unknown}).__recoveryLintEngineScope = scope
    const script = document.createElement('script')
    script.src = url
    document.body.append(script)
    post = (request) => setTimeout(() => scope.onmessage?.({data: request}), 0)
  }
  let nextId = 1
  let latestReview = 0
  return {
    send(body, review, transfer) {
      const id = nextId++
      if (review) latestReview = id
      post({...body, id} as Request, transfer)
    },
    isLatestReview: (id) => id === latestReview
  }
}
