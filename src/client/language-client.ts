/**
 * The language client's library, a bundle of its own (dist/language-client.cjs): nine
 * tenths of the client's code, so the extension's own module (dist/extension.cjs) loads
 * in a fraction of the time, activates, starts the server process and shows the kept
 * findings before this is even read.
 */
export {LanguageClient} from 'vscode-languageclient/node'
