/**
 * The desktop's language client library, a bundle of its own (dist/node-client.cjs):
 * nine tenths of the desktop client's code, so the extension's own module
 * (dist/extension.cjs) loads in a fraction of the time, activates, starts the
 * server process and shows the kept findings before this is even read. Required
 * only on Node (see language-client.ts); a browser never loads it.
 */
export {LanguageClient} from 'vscode-languageclient/node'
